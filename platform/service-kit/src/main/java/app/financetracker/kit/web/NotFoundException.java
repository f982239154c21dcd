package app.financetracker.kit.web;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/** 404 as a problem: {@code what} ("Member") with {@code id} does not exist (message {@code notFound.member}). */
public class NotFoundException extends LocalizedProblem {

    public NotFoundException(String what, String id) {
        super(HttpStatus.NOT_FOUND, new Text("notFound." + what.toLowerCase(Locale.ROOT), id), null, null);
    }
}
