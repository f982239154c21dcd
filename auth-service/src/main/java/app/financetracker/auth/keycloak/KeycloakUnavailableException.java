package app.financetracker.auth.keycloak;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503 as a problem: Keycloak did not answer in time, refused the connection, failed, or the circuit is open.
 * {@code Retry-After} tells clients (the console) when trying again makes sense.
 */
public class KeycloakUnavailableException extends ErrorResponseException {

    KeycloakUnavailableException(String detail, long retryAfterSeconds, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail),
                cause);
        getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
    }
}
