package app.financetracker.kit.web;

import org.springframework.http.HttpStatus;

/**
 * 400 with {@code errors: [{field, message}]}, for rules that span fields (a range whose end is before its start);
 * {@code code} names the message in the service's bundles.
 */
public class BadRequestException extends LocalizedProblem {

    public BadRequestException(String field, String code, Object... args) {
        super(HttpStatus.BAD_REQUEST, new Text(ApiProblemHandler.INVALID), field, new Text(code, args));
    }
}
