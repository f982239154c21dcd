package app.financetracker.auth.keycloak;

/** A Keycloak user of the realm, as auth-service needs it. */
public record Account(String id, String username, String email, String firstName, String lastName,
                      boolean enabled) {
}
