package app.financetracker.auth.me;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/me}: the username is the sign-in name and stays as it is. Names are required, as the realm's user
 * profile requires them (Keycloak would otherwise ask for them at the next sign-in).
 */
record ProfileUpdate(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
                     @NotBlank @Email @Size(max = 254) String email) {

    ProfileUpdate normalized() {
        return new ProfileUpdate(firstName.strip(), lastName.strip(), email.strip().toLowerCase());
    }
}
