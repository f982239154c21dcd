package app.financetracker.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a stream, field for field as DESIGN §3 names them. {@code payload} is the JSON
 * text of a payload record; {@link EventCodec} turns it into one.
 */
public record EventEnvelope(String eventId, String type, String aggregateId, long aggregateVersion,
                            Instant occurredAt, String payload, String traceparent) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static EventEnvelope create(String type, String aggregateId, long aggregateVersion, String payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, aggregateId, aggregateVersion,
                Instant.now(), payload, null);
    }

    /** The stream entry's fields (XADD). */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", eventId);
        fields.put("type", type);
        fields.put("aggregateId", aggregateId);
        fields.put("aggregateVersion", Long.toString(aggregateVersion));
        fields.put("occurredAt", occurredAt.toString());
        fields.put("payload", payload);
        if (traceparent != null) {
            fields.put("traceparent", traceparent);
        }
        return fields;
    }

    /**
     * Reads a stream entry's fields.
     *
     * @throws MalformedEventException when a required field is missing or unreadable
     */
    public static EventEnvelope fromFields(Map<String, String> fields) {
        try {
            return new EventEnvelope(fields.get("eventId"), fields.get("type"), fields.get("aggregateId"),
                    Long.parseLong(fields.get("aggregateVersion")), Instant.parse(fields.get("occurredAt")),
                    fields.get("payload"), fields.get("traceparent"));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable event entry " + fields.keySet() + ": " + e.getMessage(), e);
        }
    }
}
