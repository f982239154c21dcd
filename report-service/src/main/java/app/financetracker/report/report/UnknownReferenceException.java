package app.financetracker.report.report;

import app.financetracker.kit.web.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 for a request that names a member or category this service has never heard of, with the field in
 * {@code errors} so that a form can point at it (issue 5 asks for 404 here, not the kit's 422).
 */
class UnknownReferenceException extends ErrorResponseException {

    UnknownReferenceException(String field, String what, String id) {
        super(HttpStatus.NOT_FOUND, problem(field, what + " " + id + " does not exist."), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, message);
        problem.setProperty("errors", List.of(new FieldError(field, message)));
        return problem;
    }
}
