package app.financetracker.auth.keycloak;

import java.util.Set;

/**
 * Keycloak's user-profile validation answers with message keys ({@code error-invalid-email}); the API speaks
 * sentences in the caller's language. Our own request validation catches these cases first, so this is the fallback
 * for rules that only the realm knows: a key becomes the message {@code keycloak.<key>} of our bundles.
 */
final class KeycloakMessages {

    private static final Set<String> KNOWN = Set.of("error-invalid-email", "error-username-invalid-character",
            "error-person-name-invalid-character", "error-invalid-length", "error-user-attribute-required");

    private KeycloakMessages() {
    }

    static String code(String key) {
        return "keycloak." + (KNOWN.contains(key) ? key : "error-invalid-value");
    }
}
