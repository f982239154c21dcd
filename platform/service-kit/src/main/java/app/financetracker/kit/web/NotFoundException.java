package app.financetracker.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 as a problem: {@code what} with {@code id} does not exist. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                what + " " + id + " does not exist."), null);
    }
}
