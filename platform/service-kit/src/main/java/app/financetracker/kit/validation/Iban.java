package app.financetracker.kit.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigInteger;

/**
 * An IBAN (ISO 13616): country code, two check digits and up to 30 letters or digits, whose check digits are right
 * (mod 97 = 1). Spaces and lower case are allowed, as people copy it from a statement; null or blank means "not set".
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Iban.Check.class)
public @interface Iban {

    String message() default "{iban.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Iban, String> {

        /** Upper case without spaces: the form stored and printed in QR codes; null for null or blank. */
        public static String normalized(String iban) {
            if (iban == null || iban.isBlank()) {
                return null;
            }
            return iban.replace(" ", "").toUpperCase();
        }

        public static boolean valid(String iban) {
            String value = normalized(iban);
            if (value == null) {
                return true;
            }
            if (!value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")) {
                return false;
            }
            String rearranged = value.substring(4) + value.substring(0, 4);
            StringBuilder digits = new StringBuilder();
            for (char c : rearranged.toCharArray()) {
                digits.append(Character.digit(c, 36)); // A = 10 … Z = 35
            }
            return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return valid(value);
        }
    }
}
