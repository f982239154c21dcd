package app.financetracker.auth.admins;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;

/**
 * The answer to {@code POST /api/admins}: the admin, plus the generated temporary password when none was given.
 * It is shown this once and stored nowhere but in Keycloak, hashed.
 */
public record CreatedAdmin(String id, String username, @Nullable String email, @Nullable String firstName,
                    @Nullable String lastName, boolean superAdmin, boolean enabled,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String temporaryPassword) {

    static CreatedAdmin of(Admin admin, String temporaryPassword) {
        return new CreatedAdmin(admin.id(), admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                admin.superAdmin(), admin.enabled(), temporaryPassword);
    }
}
