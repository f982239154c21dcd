package app.financetracker.events;

import java.math.BigDecimal;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON for payload records; unknown fields are ignored so that producers can add fields. */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static String write(Object payload) {
        return MAPPER.writeValueAsString(payload);
    }

    private static final Set<String> TRANSACTION_TYPES = Set.of("RECEIVABLE", "DEBT", "COLLECTED");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /**
     * A transaction event's payload, complete enough to count money with.
     *
     * @throws MalformedEventException when it lacks its member, amount, date or a known type
     */
    public static TransactionPayload readTransaction(EventEnvelope event) {
        TransactionPayload transaction = read(event, TransactionPayload.class);
        if (transaction.userId() == null || !countable(transaction.amount()) || transaction.date() == null
                // Set.of(…).contains(null) throws: a missing type was a NullPointerException (found by fuzzing).
                || transaction.type() == null || !TRANSACTION_TYPES.contains(transaction.type())) {
            throw new MalformedEventException("Transaction event " + event.eventId()
                    + " lacks a member, an amount in cents up to 1e9, a date or a known type", null);
        }
        return transaction;
    }

    /** What the producer validates, and so what consumers can store (Decimal128) and add up: 0 < amount ≤ 1e9, cents. */
    private static boolean countable(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) <= 0
                && amount.stripTrailingZeros().scale() <= 2;
    }

    /** @throws MalformedEventException when the payload is not JSON of that shape */
    public static <T> T read(EventEnvelope event, Class<T> type) {
        T payload;
        try {
            payload = MAPPER.readValue(event.payload(), type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable " + event.type() + " payload of event " + event.eventId()
                    + ": " + e.getMessage(), e);
        }
        if (payload == null) {
            // The JSON text "null" reads as no object at all (found by TransactionPayloadFuzzTest).
            throw new MalformedEventException("Empty " + event.type() + " payload of event " + event.eventId(), null);
        }
        return payload;
    }
}
