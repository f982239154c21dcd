package app.financetracker.auth.keycloak;

import app.financetracker.kit.web.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 409 that also says which field (a taken username, e-mail or slug), so that a form can show it beside it. */
public class FieldConflictException extends ErrorResponseException {

    public FieldConflictException(String field, String message) {
        super(HttpStatus.CONFLICT, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }
}
