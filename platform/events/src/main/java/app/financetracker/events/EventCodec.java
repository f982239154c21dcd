package app.financetracker.events;

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

    private static final java.util.Set<String> TRANSACTION_TYPES = java.util.Set.of("RECEIVABLE", "DEBT", "COLLECTED");

    /**
     * A transaction event's payload, complete enough to count money with.
     *
     * @throws MalformedEventException when it lacks its member, amount, date or a known type
     */
    public static TransactionPayload readTransaction(EventEnvelope event) {
        TransactionPayload transaction = read(event, TransactionPayload.class);
        if (transaction.userId() == null || transaction.amount() == null || transaction.date() == null
                || !TRANSACTION_TYPES.contains(transaction.type())) {
            throw new MalformedEventException("Transaction event " + event.eventId()
                    + " lacks a member, an amount, a date or a known type", null);
        }
        return transaction;
    }

    /** @throws MalformedEventException when the payload is not JSON of that shape */
    public static <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return MAPPER.readValue(event.payload(), type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable " + event.type() + " payload of event " + event.eventId()
                    + ": " + e.getMessage(), e);
        }
    }
}
