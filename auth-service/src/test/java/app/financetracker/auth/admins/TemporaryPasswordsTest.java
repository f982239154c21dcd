package app.financetracker.auth.admins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TemporaryPasswordsTest {

    @RepeatedTest(20)
    void passesAPolicyOfLengthCaseDigitsAndSymbols() {
        String password = TemporaryPasswords.generate();

        assertThat(password).hasSize(16)
                .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]")
                .doesNotContainPattern("[0O1lI]");
    }

    @Test
    void neverTheSameTwice() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(TemporaryPasswords.generate());
        }
        assertThat(seen).hasSize(1000);
    }
}
