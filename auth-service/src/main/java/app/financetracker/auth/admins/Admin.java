package app.financetracker.auth.admins;

import app.financetracker.auth.keycloak.Account;
import jakarta.annotation.Nullable;

/** An admin of the console, as {@code /api/admins} lists them. */
record Admin(String id, String username, @Nullable String email, @Nullable String firstName, @Nullable String lastName,
             boolean superAdmin, boolean enabled) {

    static Admin of(Account account, boolean superAdmin) {
        return new Admin(account.id(), account.username(), account.email(), account.firstName(), account.lastName(),
                superAdmin, account.enabled());
    }
}
