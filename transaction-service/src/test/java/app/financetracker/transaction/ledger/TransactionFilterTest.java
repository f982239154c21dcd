package app.financetracker.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.financetracker.kit.web.BadRequestException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TransactionFilterTest {

    private static TransactionFilter amounts(String min, String max) {
        return new TransactionFilter(null, null, null, null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null);
    }

    @Test
    void anAmountBoundDecimal128CannotHoldIsA400NotA500() {
        assertThatThrownBy(() -> amounts("1e999999999", null).toCriteria("default"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("minAmount"));
        assertThatThrownBy(() -> amounts(null, "1.00000000000000000000000000000000001").toCriteria("default"))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.field()).isEqualTo("maxAmount"));
    }

    @Test
    void ordinaryBoundsBecomeAQuery() {
        assertThat(amounts("0.001", "1000000000").toCriteria("default").getCriteriaObject().toJson()).contains("amount");
    }
}
