package app.financetracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Fuzz test of what a consumer reads off a stream (issue 10, ADR 0040). A consumer may get anything: a transaction event's payload either
 * decodes into something it can count with, or fails with {@link MalformedEventException} (the entry goes to the
 * dead-letter stream at once). Any other exception, or an accepted value that breaks what the consumers rely on,
 * is a crash. Plain {@code mvn test} replays the inputs under {@code src/test/resources/.../TransactionPayloadFuzzTestInputs}; with
 * {@code JAZZER_FUZZ=1} it fuzzes for {@code JAZZER_MAX_DURATION} (docs/reliability.md §6). One fuzz test per
 * class: Jazzer fuzzes one per JVM.
 */
class TransactionPayloadFuzzTest {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"userId\"", "\"amount\"", "\"date\"", "\"type\"", "\"RECEIVABLE\"", "\"DEBT\"",
            "\"COLLECTED\"", "\"description\"", "\"categoryId\"", "2026-03-14", "e+", "1E-", ":null", "[", "{"})
    void transactionPayloadsAreReadOrRefused(byte[] payload) {
        EventEnvelope event = new EventEnvelope("e1", EventTypes.TRANSACTION_UPDATED, "t1", 1, Instant.EPOCH,
                new String(payload, StandardCharsets.UTF_8), null, null);
        try {
            TransactionPayload transaction = EventCodec.read(event, TransactionPayload.class);
            assertThat(transaction.userId()).isNotNull();
            assertThat(transaction.date()).isNotNull();
            assertThat(transaction.type()).isIn("RECEIVABLE", "DEBT", "COLLECTED");
            assertThat(transaction.transactionType().name()).isEqualTo(transaction.type());
            // What the producer validates and the consumers store (Decimal128, sums): positive, at most 1e9, cents.
            assertThat(transaction.amount()).isPositive().isLessThanOrEqualTo(MAX_AMOUNT);
            assertThat(transaction.amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        } catch (MalformedEventException expected) {
            // to the dead-letter stream
        }
    }
}
