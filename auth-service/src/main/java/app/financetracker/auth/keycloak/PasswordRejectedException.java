package app.financetracker.auth.keycloak;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak refused a password under the realm's password policy. Keycloak says why with a key
 * ({@code invalidPasswordMinLengthMessage}) and an English sentence holding the policy's number ("minimum length 8");
 * {@link #code()} is our message for that key, {@link #count()} the number, so callers answer in the caller's language.
 */
public class PasswordRejectedException extends RuntimeException {

    private static final Set<String> KNOWN = Set.of("invalidPasswordMinLengthMessage", "invalidPasswordMaxLengthMessage",
            "invalidPasswordMinDigitsMessage", "invalidPasswordMinLowerCaseCharsMessage",
            "invalidPasswordMinUpperCaseCharsMessage", "invalidPasswordMinSpecialCharsMessage",
            "invalidPasswordNotUsernameMessage", "invalidPasswordNotEmailMessage", "invalidPasswordHistoryMessage");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final String code;
    private final int count;

    private PasswordRejectedException(String code, int count, String description) {
        super(description);
        this.code = code;
        this.count = count;
    }

    static PasswordRejectedException of(String key, String description) {
        Matcher number = NUMBER.matcher(description);
        return new PasswordRejectedException("password." + (KNOWN.contains(key) ? key : "invalidPasswordGenericMessage"),
                number.find() ? Integer.parseInt(number.group()) : 0, description);
    }

    public String code() {
        return code;
    }

    public int count() {
        return count;
    }
}
