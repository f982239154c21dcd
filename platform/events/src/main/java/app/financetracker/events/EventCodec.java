package app.financetracker.events;

import java.util.Optional;
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

    /**
     * The event's payload as a {@code type}; a {@link CheckedPayload} only when it is usable (a transaction's:
     * complete enough to count money with).
     *
     * @throws MalformedEventException when the payload is not JSON of that shape, or is a checked payload with a
     *                                 defect
     */
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
        Optional<String> defect = payload instanceof CheckedPayload checked ? checked.defect() : Optional.empty();
        if (defect.isPresent()) {
            throw new MalformedEventException(event.type() + " event " + event.eventId() + " " + defect.get(), null);
        }
        return payload;
    }
}
