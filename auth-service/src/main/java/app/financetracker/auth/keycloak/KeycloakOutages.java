package app.financetracker.auth.keycloak;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.ServerErrorException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.web.client.ResourceAccessException;

/** Which failures of a Keycloak call mean "Keycloak is down" (circuit breaker, 503) rather than a refusal. */
final class KeycloakOutages {

    private KeycloakOutages() {
    }

    static boolean isOutage(Throwable failure) {
        return failure instanceof ProcessingException // RESTEasy: refused, reset, read timeout
                || failure instanceof ResourceAccessException // RestClient: the same for the token endpoint
                || failure instanceof IOException
                || failure instanceof TimeoutException // the breaker's own time limit
                || failure instanceof ServerErrorException // 5xx
                || failure instanceof KeycloakUnavailableException
                // The service account cannot sign in: nothing auth-service asks will work until someone fixes it.
                || failure instanceof NotAuthorizedException;
    }
}
