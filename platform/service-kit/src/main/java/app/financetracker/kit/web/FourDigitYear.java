package app.financetracker.kit.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date the API can write as {@code YYYY-MM-DD} (DESIGN §5): from 0000-01-01 to 9999-12-31. Beyond that ISO
 * adds a sign and more digits ({@code +999999999-12-31}), stored dates stop sorting as text, and calendar
 * arithmetic near {@link LocalDate#MAX} overflows (ADR 0040). Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = FourDigitYear.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FourDigitYear {

    String message() default "{kit.fourDigitYear}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FourDigitYear, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || value.getYear() >= 0 && value.getYear() <= 9999;
        }
    }
}
