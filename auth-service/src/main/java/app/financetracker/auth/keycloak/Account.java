package app.financetracker.auth.keycloak;


import jakarta.annotation.Nullable;

/**
 * A Keycloak user of the realm, as auth-service needs it; {@code language} is the user's {@code locale} attribute,
 * which Keycloak's own pages use too (none until chosen).
 */
public record Account(String id, String username, String email, String firstName, String lastName,
                      boolean enabled, @Nullable String language) {
}
