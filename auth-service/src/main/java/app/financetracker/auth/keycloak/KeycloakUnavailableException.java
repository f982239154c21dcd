package app.financetracker.auth.keycloak;

import app.financetracker.kit.web.LocalizedProblem;
import app.financetracker.kit.web.Text;
import org.springframework.http.HttpStatus;

/**
 * 503 as a problem: Keycloak did not answer in time, refused the connection, failed, or the circuit is open.
 * {@code Retry-After} tells clients (the console) when trying again makes sense.
 */
public class KeycloakUnavailableException extends LocalizedProblem {

    KeycloakUnavailableException(String code, long retryAfterSeconds, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, new Text(code), null, null, cause);
        getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
    }
}
