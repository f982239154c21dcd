package app.financetracker.auth.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.auth.TestKeycloak;
import app.financetracker.auth.TestNames;
import app.financetracker.testkit.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * The realm as shipped ({@code keycloak/finance-tracker-realm.json}) locks an account under repeated wrong passwords
 * (five in a row, or two within a second): then even the right password is refused, and only that account is
 * affected. Keycloak answers 401 to a wrong password and 400 ("temporarily disabled") once the account is locked.
 */
class BruteForceProtectionTest {

    static final String REALM = "finance-tracker";
    static final String PASSWORD = "Right@12345";

    @Test
    void repeatedWrongPasswordsLockTheAccountButNotTheOthers() {
        String target = TestNames.unique("guessed-admin");
        String bystander = TestNames.unique("bystander-admin");
        Tokens.ensureUser(target, PASSWORD, List.of("admin"));
        Tokens.ensureUser(bystander, PASSWORD, List.of("admin"));
        assertThat(Tokens.passwordGrantStatus(target, PASSWORD)).as("the right password works at first").isEqualTo(200);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(Tokens.passwordGrantStatus(target, "Wrong@" + attempt)).isIn(400, 401);
        }

        assertThat(Tokens.passwordGrantStatus(target, PASSWORD)).as("locked: the right password is refused too")
                .isNotEqualTo(200);
        try (Keycloak keycloak = TestKeycloak.master()) {
            Map<String, Object> status = keycloak.realm(REALM).attackDetection()
                    .bruteForceUserStatus(TestKeycloak.userId(REALM, target));
            assertThat(status).containsEntry("disabled", true);
            assertThat(((Number) status.get("numFailures")).intValue()).isPositive();
        }
        assertThat(Tokens.passwordGrantStatus(bystander, PASSWORD)).as("other accounts still sign in").isEqualTo(200);
    }
}
