package app.financetracker.kit.web;

import org.springframework.http.HttpStatus;

/** 422: well-formed, but it refers to something that does not exist (an unknown member or category). */
public class UnprocessableException extends LocalizedProblem {

    public UnprocessableException(String field, String code, Object... args) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, new Text(code, args), field, new Text(code, args));
    }
}
