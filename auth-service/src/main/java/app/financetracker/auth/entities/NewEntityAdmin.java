package app.financetracker.auth.entities;

import app.financetracker.auth.admins.NewAdmin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The first super-admin of a new entity, as {@code POST /api/admins} takes an admin: a new account (a temporary
 * password is generated when none is given), or, when the username exists, that account as it is.
 */
record NewEntityAdmin(
        @NotBlank @Size(min = 3, max = 50)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{username.characters}")
        String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 128) String password) {

    NewAdmin asAdmin() {
        return new NewAdmin(username, email, firstName, lastName, password, true);
    }

    @Override
    public String toString() {
        return "NewEntityAdmin[username=" + username + ", email=" + email + "]"; // never log passwords
    }
}
