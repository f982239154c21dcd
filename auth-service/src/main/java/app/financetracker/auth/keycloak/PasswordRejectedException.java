package app.financetracker.auth.keycloak;

/**
 * Keycloak refused a password under the realm's password policy. The message is Keycloak's own sentence
 * ("Invalid password: minimum length 8."), which callers turn into a field error of their request.
 */
public class PasswordRejectedException extends RuntimeException {

    PasswordRejectedException(String message) {
        super(message);
    }
}
