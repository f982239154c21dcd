package app.financetracker.auth.keycloak;

import java.util.List;

/**
 * A user to create, with a password and the groups ({@code /entities/<id>/<role>}) to put it in.
 *
 * @param temporaryPassword Keycloak then makes the user choose a new password at first sign-in
 */
public record NewAccount(String username, String email, String firstName, String lastName, String password,
                         boolean temporaryPassword, List<String> groups) {
}
