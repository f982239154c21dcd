package app.financetracker.kit.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 400 with {@code errors: [{field, message}]}, for rules that span fields (a range whose end is before its start). */
public class BadRequestException extends ErrorResponseException {

    public BadRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, ApiProblemHandler.invalid(List.of(new FieldError(field, message))), null);
    }
}
