package app.financetracker.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.events.TransactionType;
import app.financetracker.kit.web.BadRequestException;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The global view's filters either are refused with a 400 or become a Mongo query (issue 10, ADR 0040). Anything
 * else is a crash.
 */
class TransactionFilterFuzzTest {

    /** The filters as Spring binds query parameters: a value that does not convert is a 400 before the service. */
    @FuzzTest(maxDuration = "30s")
    void anyFilterIsRefusedOrBecomesAQuery(FuzzedDataProvider data) {
        TransactionFilter filter;
        try {
            filter = new TransactionFilter(text(data), data.consumeBoolean() ? null
                    : TransactionType.valueOf(data.consumeString(12)), text(data), date(data), date(data),
                    amount(data), amount(data), text(data));
        } catch (IllegalArgumentException | DateTimeParseException notConvertible) {
            return;
        }
        try {
            assertThat(filter.toCriteria("default").getCriteriaObject()).isNotNull();
        } catch (BadRequestException refused) {
            // 400
        }
    }

    private static String text(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : data.consumeString(40);
    }

    private static LocalDate date(FuzzedDataProvider data) {
        return data.consumeBoolean() ? null : LocalDate.parse(data.consumeString(20));
    }

    /** As text ("12.50", "1e999999999") or as any digits and scale the text could spell. */
    private static BigDecimal amount(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return null;
        }
        return data.consumeBoolean() ? new BigDecimal(data.consumeString(30).strip())
                : new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt());
    }
}
