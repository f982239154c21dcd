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
