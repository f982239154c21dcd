package app.financetracker.kit.web;

import org.springframework.http.HttpStatus;

/** 409 as a problem: a duplicate, a resource in use, or a stale version; {@code code} names the message. */
public class ConflictException extends LocalizedProblem {

    public ConflictException(String code, Object... args) {
        super(HttpStatus.CONFLICT, new Text(code, args), null, null);
    }

    /** A duplicate of one field's value: the message is both the detail and that field's error. */
    public static ConflictException onField(String field, String code, Object... args) {
        return new ConflictException(field, new Text(code, args));
    }

    private ConflictException(String field, Text text) {
        super(HttpStatus.CONFLICT, text, field, text);
    }
}
