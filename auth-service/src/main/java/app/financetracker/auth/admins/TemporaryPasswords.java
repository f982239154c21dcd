package app.financetracker.auth.admins;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Generated first passwords: 16 characters with upper and lower case letters, digits and a symbol, so that any
 * reasonable realm policy accepts them. Look-alike characters (0/O, 1/l/I) are left out: someone may have to read
 * it out or type it from a screen.
 */
final class TemporaryPasswords {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%+=!?";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    static String generate() {
        List<Character> chars = new ArrayList<>();
        for (String required : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            chars.add(pick(required));
        }
        while (chars.size() < LENGTH) {
            chars.add(pick(ALL));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder(LENGTH);
        chars.forEach(password::append);
        return password.toString();
    }

    private static char pick(String from) {
        return from.charAt(RANDOM.nextInt(from.length()));
    }
}
