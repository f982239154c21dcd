package app.financetracker.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One entry of a stream, field for field as DESIGN §3 names them. {@code payload} is the JSON
 * text of a payload record; {@link EventCodec} turns it into one. {@code entityId} is the organisation the
 * change belongs to (DESIGN §9): producers take it from the aggregate, which took it from the request's entity.
 */
public record EventEnvelope(String eventId, String type, String aggregateId, long aggregateVersion,
                            Instant occurredAt, String payload, String entityId, String traceparent) {

    /** The entity of everything written before entities existed (DESIGN §9): events without one belong to it. */
    public static final String DEFAULT_ENTITY = "default";

    public EventEnvelope {
        entityId = entityId == null ? DEFAULT_ENTITY : entityId;
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** Where {@link #create(String, String, String, long, String)} takes {@code traceparent} from; none until one is installed. */
    private static volatile Supplier<String> traceContext = () -> null;

    /**
     * A new event, now, in the caller's trace: {@code traceparent} is what the installed trace context source gives
     * (the service kit installs the current span's, in W3C form, so that one trace runs from the request that made
     * the change through every consumer of its event; ADR 0015), or none.
     */
    public static EventEnvelope create(String entityId, String type, String aggregateId, long aggregateVersion,
                                       String payload) {
        return create(entityId, type, aggregateId, aggregateVersion, payload, traceContext.get());
    }

    /** A new event, now, in the trace that {@code traceparent} names (W3C {@code 00-<trace id>-<span id>-<flags>}). */
    public static EventEnvelope create(String entityId, String type, String aggregateId, long aggregateVersion,
                                       String payload, String traceparent) {
        Objects.requireNonNull(entityId, "entityId");
        return new EventEnvelope(UUID.randomUUID().toString(), type, aggregateId, aggregateVersion,
                Instant.now(), payload, entityId, traceparent);
    }

    /**
     * The caller's trace context as new events carry it: the installed source's answer, or null. This library knows
     * no tracer; a caller's tracing installs its source with {@link #traceContextFrom}.
     */
    public static String currentTraceparent() {
        return traceContext.get();
    }

    /**
     * Installs where new events take their {@code traceparent} from (one source per JVM: the current span lives in
     * a thread-local of the tracer, not of one application context); {@code null} removes it.
     */
    public static void traceContextFrom(Supplier<String> source) {
        traceContext = source == null ? () -> null : source;
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
        fields.put("entityId", entityId);
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
                    fields.get("payload"), fields.get("entityId"), fields.get("traceparent"));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable event entry " + fields.keySet() + ": " + e.getMessage(), e);
        }
    }
}
