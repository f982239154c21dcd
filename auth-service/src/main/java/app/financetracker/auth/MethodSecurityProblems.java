package app.financetracker.auth;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused {@code @PreAuthorize} is thrown from the controller, inside Spring MVC, where the kit's catch-all
 * handler would answer 500 before Spring Security's access-denied handler ever sees it. Answer the same 403
 * problem that the filter chain writes. (Belongs in the service kit's problem handler; until then, here.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MethodSecurityProblems {

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail forbidden() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your account may not do this.");
    }
}
