package app.financetracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void survivesTheTripThroughStreamFields() {
        var payload = new TransactionPayload("t1", "u1", "Lucas Dupont", "RECEIVABLE", new BigDecimal("300.10"), "c1", "Camp",
                LocalDate.of(2026, 3, 14), "Camp fee");
        var event = EventEnvelope.create("unit-7", EventTypes.TRANSACTION_CREATED, "t1", 3, EventCodec.write(payload));

        var back = EventEnvelope.fromFields(event.toFields());

        assertThat(back).isEqualTo(event);
        assertThat(back.entityId()).isEqualTo("unit-7");
        assertThat(EventCodec.read(back, TransactionPayload.class)).isEqualTo(payload);
    }

    @Test
    void payloadWithUnknownFieldsStillReads() {
        var event = EventEnvelope.create("unit-7", EventTypes.USER_CREATED, "u1", 1,
                "{\"id\":\"u1\",\"firstName\":\"Lucas\",\"lastName\":\"Dupont\",\"email\":\"l@d.be\",\"nickname\":\"Lu\"}");

        assertThat(EventCodec.read(event, UserPayload.class).displayName()).isEqualTo("Lucas Dupont");
    }

    @Test
    void entryWithoutVersionIsMalformed() {
        Map<String, String> fields = new HashMap<>(EventEnvelope.create("unit-7", "UserCreated", "u1", 1, "{}").toFields());
        fields.remove("aggregateVersion");

        assertThatThrownBy(() -> EventEnvelope.fromFields(fields)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anEntryWrittenBeforeEntitiesExistedBelongsToTheDefaultEntity() {
        Map<String, String> fields = new HashMap<>(EventEnvelope.create("unit-7", "UserCreated", "u1", 1, "{}")
                .toFields());
        fields.remove("entityId");

        assertThat(EventEnvelope.fromFields(fields).entityId()).isEqualTo(EventEnvelope.DEFAULT_ENTITY);
    }

    @Test
    void payloadThatIsNotJsonIsMalformed() {
        var event = EventEnvelope.create("unit-7", EventTypes.USER_CREATED, "u1", 1, "{not json");

        assertThatThrownBy(() -> EventCodec.read(event, UserPayload.class)).isInstanceOf(MalformedEventException.class);
    }
}
