package app.financetracker.transaction.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.RequestFuzzing;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import org.bson.types.Decimal128;

/**
 * Any body of {@code POST/PUT /api/transactions} is either refused with a 400 (unreadable, a field error) or is a
 * transaction the service can store (issue 10, ADR 0040). Anything else is a crash.
 */
class TransactionRequestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBodyIsRefusedOrIsAStorableTransaction(FuzzedDataProvider data) {
        byte[] body = RequestFuzzing.body(data, "userId", "type", "amount", "categoryId", "date", "description",
                "version");
        RequestFuzzing.readValid(body, TransactionRequest.class).ifPresent(request -> {
            // As the service stores it: the amount as Decimal128, the date as its ISO text.
            assertThat(new Decimal128(request.amount()).bigDecimalValue()).isEqualByComparingTo(request.amount());
            assertThat(LocalDate.parse(request.date().toString())).isEqualTo(request.date());
        });
    }
}
