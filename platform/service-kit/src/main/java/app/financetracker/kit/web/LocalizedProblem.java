package app.financetracker.kit.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A problem whose {@code detail} and field error are {@link Text}s. Spring MVC's problem handling asks
 * {@link #updateAndGetBody} for the body with the request's locale, so they reach the caller in their language.
 */
public abstract class LocalizedProblem extends ErrorResponseException {

    private final Text detail;
    private final @Nullable String field;
    private final @Nullable Text fieldText;

    protected LocalizedProblem(HttpStatus status, Text detail, @Nullable String field, @Nullable Text fieldText) {
        this(status, detail, field, fieldText, null);
    }

    protected LocalizedProblem(HttpStatus status, Text detail, @Nullable String field, @Nullable Text fieldText,
            @Nullable Throwable cause) {
        super(status, ProblemDetail.forStatus(status), cause);
        this.detail = detail;
        this.field = field;
        this.fieldText = fieldText;
    }

    @Override
    public ProblemDetail updateAndGetBody(@Nullable MessageSource messages, Locale locale) {
        ProblemDetail body = getBody();
        if (messages != null) {
            body.setDetail(detail.in(messages, locale));
            if (field != null && fieldText != null) {
                body.setProperty("errors", List.of(new FieldError(field, fieldText.in(messages, locale))));
            }
        }
        return body;
    }

    /** The request field the problem is about, if any. */
    public @Nullable String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return getStatusCode() + " " + detail.code() + (field != null ? " (" + field + ")" : "");
    }
}
