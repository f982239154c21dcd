package app.financetracker.auth.keycloak;

import java.util.Map;

/**
 * Keycloak's user-profile validation answers with message keys ({@code error-invalid-email}); the API speaks
 * sentences. Our own request validation catches these cases first, so this is the fallback for rules that only
 * the realm knows.
 */
final class KeycloakMessages {

    private static final Map<String, String> SENTENCES = Map.of(
            "error-invalid-email", "must be a well-formed e-mail address",
            "error-username-invalid-character", "may contain only letters, digits and . _ - @",
            "error-person-name-invalid-character", "contains characters that a name cannot have",
            "error-invalid-length", "is too short or too long",
            "error-user-attribute-required", "is required",
            "error-invalid-value", "is not valid");

    private KeycloakMessages() {
    }

    static String describe(String key) {
        return SENTENCES.getOrDefault(key, key);
    }
}
