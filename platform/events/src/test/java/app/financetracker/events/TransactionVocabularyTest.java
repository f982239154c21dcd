package app.financetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The one transaction vocabulary: its names on the wire, the validation consumers rely on, the balance formula. */
class TransactionVocabularyTest {

    private static TransactionPayload payload(String type) {
        return new TransactionPayload("t1", "u1", "Lucas Dupont", type, new BigDecimal("12.50"), "c1", "Camp",
                LocalDate.of(2026, 3, 14), "Camp fee");
    }

    @Test
    void thePayloadKeepsItsWireFieldsAndTheTypeByName() {
        var json = JsonMapper.builder().build().readTree(EventCodec.write(payload("DEBT")));

        assertThat(json.propertyNames()).containsExactlyInAnyOrder("id", "userId", "userName", "type", "amount",
                "categoryId", "categoryName", "date", "description");
        assertThat(json.get("type").asString()).isEqualTo("DEBT");
    }

    @Test
    void aPayloadOfAKnownTypeReadsWithThatType() {
        var event = EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED, "t1", 0, EventCodec.write(payload("COLLECTED")));

        assertThat(EventCodec.read(event, TransactionPayload.class).transactionType()).isEqualTo(TransactionType.COLLECTED);
    }

    @Test
    void aPayloadOfAnUnknownOrMissingTypeIsMalformed() {
        for (String type : new String[] {"REFUND", "debt", "0", null}) {
            var event = EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED, "t1", 0, EventCodec.write(payload(type)));

            assertThatThrownBy(() -> EventCodec.read(event, TransactionPayload.class))
                    .as(String.valueOf(type)).isInstanceOf(MalformedEventException.class).hasMessageContaining("lacks");
        }
    }

    @Test
    void outstandingIsReceivablesLessCollectedLessDebts() {
        var totals = TransactionTotals.ZERO.plus(TransactionType.RECEIVABLE, new BigDecimal("100.00"))
                .plus(TransactionType.COLLECTED, new BigDecimal("30.00"))
                .plus(new TransactionTotals(BigDecimal.ZERO, new BigDecimal("80.50"), BigDecimal.ZERO));

        assertThat(totals).isEqualTo(new TransactionTotals(new BigDecimal("100.00"), new BigDecimal("80.50"),
                new BigDecimal("30.00")));
        assertThat(totals.outstanding()).isEqualByComparingTo("-10.50");
    }
}
