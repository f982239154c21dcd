package app.financetracker.kit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredReferenceTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "909337554, 090933755493", // the example banks print
            "1234567890, 123456789002",
            "0, 000000000097", // 0 mod 97 is written 97
            "97, 000000009797",
            "4999999999, 499999999972"})
    void theCheckDigitsAreTheBaseModulo97(long base, String digits) {
        assertThat(StructuredReference.of(base)).isEqualTo(digits);
    }

    @Test
    void aReferenceIsWrittenAsOnAPaymentRequest() {
        assertThat(StructuredReference.format("090933755493")).isEqualTo("+++090/9337/55493+++");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+++090/9337/55493+++", "090/9337/55493", "090 9337 55493", " 090933755493 ",
            "090.9337.55493"})
    void aReferenceIsReadAsPeopleTypeIt(String typed) {
        assertThat(StructuredReference.parse(typed)).contains("090933755493");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+++090/9337/55494+++", "09093375549", "0909337554933", "abc", ""})
    void wrongCheckDigitsOrLengthAreNoReference(String typed) {
        assertThat(StructuredReference.parse(typed)).isEmpty();
    }

    @RepeatedTest(20)
    void membersAndChargesDrawFromTheirOwnHalf() {
        String member = StructuredReference.forMember();
        String charge = StructuredReference.forCharge();
        assertThat(Long.parseLong(member.substring(0, 10))).isLessThan(StructuredReference.CHARGES);
        assertThat(Long.parseLong(charge.substring(0, 10))).isGreaterThanOrEqualTo(StructuredReference.CHARGES);
        assertThat(StructuredReference.parse(member)).contains(member);
        assertThat(StructuredReference.parse(charge)).contains(charge);
    }

    @Test
    void aBaseHasTenDigits() {
        assertThatThrownBy(() -> StructuredReference.of(10_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StructuredReference.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
