package app.financetracker.auth.admins;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/admins}. Names are required because the realm's user profile requires them: without them
 * Keycloak would stop the new admin at first sign-in to fill them in. Without a password (absent or blank, as an empty form field sends it) Keycloak gets a
 * generated temporary one, returned once, that the new admin must replace at first sign-in. The password's rules
 * are the realm's policy, applied by Keycloak.
 */
public record NewAdmin(
        @NotBlank @Size(min = 3, max = 50)
        @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{username.characters}")
        String username,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(max = 128) String password,
        Boolean superAdmin) {

    NewAdmin normalized() {
        // Keycloak stores usernames and e-mail addresses in lower case; say so in the answer too.
        return new NewAdmin(username.strip().toLowerCase(), email.strip().toLowerCase(), firstName.strip(),
                lastName.strip(), password == null || password.isEmpty() ? null : password,
                Boolean.TRUE.equals(superAdmin));
    }

    boolean hasPassword() {
        return password != null;
    }

    @Override
    public String toString() {
        return "NewAdmin[username=" + username + ", email=" + email + ", superAdmin=" + superAdmin + "]";
    }
}
