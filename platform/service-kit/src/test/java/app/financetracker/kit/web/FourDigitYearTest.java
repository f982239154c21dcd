package app.financetracker.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FourDigitYearTest {

    record Dated(@FourDigitYear LocalDate date) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void takesTheDatesTheApiCanWriteAsYyyyMmDd() {
        assertThat(validator.validate(new Dated(LocalDate.of(2026, 3, 14)))).isEmpty();
        assertThat(validator.validate(new Dated(LocalDate.of(0, 1, 1)))).isEmpty();
        assertThat(validator.validate(new Dated(LocalDate.of(9999, 12, 31)))).isEmpty();
        assertThat(validator.validate(new Dated(null))).isEmpty();
    }

    @Test
    void refusesDatesIsoWritesWithASignOrMoreDigits() {
        assertThat(validator.validate(new Dated(LocalDate.MAX))).singleElement()
                .satisfies(v -> assertThat(v.getMessageTemplate()).isEqualTo("{kit.fourDigitYear}"));
        assertThat(validator.validate(new Dated(LocalDate.of(10000, 1, 1)))).hasSize(1);
        assertThat(validator.validate(new Dated(LocalDate.of(-1, 12, 31)))).hasSize(1);
        assertThat(validator.validate(new Dated(LocalDate.MIN))).hasSize(1);
    }
}
