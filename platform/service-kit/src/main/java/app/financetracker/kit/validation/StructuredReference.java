package app.financetracker.kit.validation;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The Belgian structured communication ("communication structurée", OGM/VCS): twelve digits whose last two are the
 * first ten modulo 97 (97 when that is 0), written {@code +++ddd/dddd/ddddd+++} (DESIGN §10). Stored as its twelve
 * digits; people type it with or without the {@code +}, {@code /} and spaces.
 *
 * <p>One entity's references name its members and its charges, which two services assign: a member's ten-digit
 * base is below {@value #CHARGES}, a charge's from it up (ADR 0025), so the two never meet.
 */
public final class StructuredReference {

    /** The first base of a charge's reference; members' bases are below it. */
    public static final long CHARGES = 5_000_000_000L;
    private static final long BASES = 10_000_000_000L;
    private static final RandomGenerator RANDOM = new SecureRandom();

    private StructuredReference() {
    }

    /** The twelve digits of the reference whose first ten are {@code base} (0 ≤ base < 10¹⁰). */
    public static String of(long base) {
        if (base < 0 || base >= BASES) {
            throw new IllegalArgumentException("a base has ten digits: " + base);
        }
        long check = base % 97 == 0 ? 97 : base % 97;
        return String.format("%010d%02d", base, check);
    }

    /** A member's reference, drawn at random (unguessable, and no counter to keep). */
    public static String forMember() {
        return of(RANDOM.nextLong(CHARGES));
    }

    /** A charge's reference, drawn at random. */
    public static String forCharge() {
        return of(RANDOM.nextLong(CHARGES, BASES));
    }

    /** {@code +++ddd/dddd/ddddd+++}, as printed on a payment request. */
    public static String format(String digits) {
        return "+++" + digits.substring(0, 3) + "/" + digits.substring(3, 7) + "/" + digits.substring(7) + "+++";
    }

    /** The twelve digits of a reference as typed ("+++090/9337/55493+++", "090 9337 55493"), if they are one. */
    public static Optional<String> parse(String text) {
        String digits = text == null ? "" : text.replaceAll("[+/\\s.]", "");
        if (!digits.matches("\\d{12}")) {
            return Optional.empty();
        }
        return of(Long.parseLong(digits.substring(0, 10))).equals(digits) ? Optional.of(digits)
                : Optional.empty();
    }
}
