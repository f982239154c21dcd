package app.financetracker.auth.me;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/me/password}. Only presence and a sane length are checked here; the rules of a good password
 * are the realm's password policy, applied by Keycloak.
 */
record PasswordChange(@NotBlank String currentPassword, @NotBlank @Size(max = 128) String newPassword) {

    @Override
    public String toString() {
        return "PasswordChange[…]"; // never log passwords
    }
}
