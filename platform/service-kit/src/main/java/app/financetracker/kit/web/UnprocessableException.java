package app.financetracker.kit.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: well-formed, but it refers to something that does not exist (an unknown member or category). */
public class UnprocessableException extends ErrorResponseException {

    public UnprocessableException(String field, String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }
}
