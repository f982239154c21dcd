package app.financetracker.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"BE68539007547034", "BE68 5390 0754 7034", "be68 5390 0754 7034",
            "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300", "DE89370400440532013000"})
    void acceptsIbansWithRightCheckDigits(String iban) {
        assertThat(Iban.Check.valid(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BE69539007547034", "BE68539007547035", "GB82WEST12345698765431", "BE68", "68BE539007547034",
            "BE68-5390-0754-7034", "XX00000000000000"})
    void refusesOthers(String iban) {
        assertThat(Iban.Check.valid(iban)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankMeansNotSet(String iban) {
        assertThat(Iban.Check.valid(iban)).isTrue();
        assertThat(Iban.Check.normalized(iban)).isNull();
    }

    @org.junit.jupiter.api.Test
    void isStoredInUpperCaseWithoutSpaces() {
        assertThat(Iban.Check.normalized(" be68 5390 0754 7034 ")).isEqualTo("BE68539007547034");
    }
}
