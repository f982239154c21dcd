package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One trace from the request that changed an aggregate through every consumer of its event (DESIGN §3, ADR 0015).
 * <ul>
 * <li>Producer side: {@link #traceparent()} is the current span's context in W3C form; the kit installs it as the
 * source of {@link EventEnvelope#create}, so every event appended to an outbox during a request carries the
 * request's trace.</li>
 * <li>Consumer side: {@link #consume} runs a handler's call inside an observation {@value #NAME} (a span of kind
 * CONSUMER, and a timer of that name tagged with the stream and event type) whose parent is extracted from the
 * event's {@code traceparent}; the handler's log lines carry that trace id. A batch is one observation whose
 * parent is the first event's trace (the others' traces are not continued by it; ADR 0015).</li>
 * </ul>
 * Without tracing (no registry, tracer or propagator) it only runs the handler.
 */
public class EventTracing {

    public static final String NAME = "stream.consume";
    static final String TRACEPARENT = "traceparent";

    /** Runs handlers, traces nothing. */
    public static final EventTracing NONE = new EventTracing(ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP);

    private final ObservationRegistry registry;
    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(ObservationRegistry registry, Tracer tracer, Propagator propagator) {
        this.registry = registry;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public String traceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code handling} of {@code event} of {@code stream} in the event's trace. */
    public void consume(String stream, EventEnvelope event, Runnable handling) {
        consume(stream, List.of(event), handling);
    }

    /** Runs {@code handling} of {@code events} (one batch, not empty) of {@code stream} in the first event's trace. */
    public void consume(String stream, List<EventEnvelope> events, Runnable handling) {
        if (registry.isNoop()) {
            handling.run();
            return;
        }
        EventEnvelope first = events.get(0);
        ReceiverContext<EventEnvelope> context = new ReceiverContext<>(
                (event, key) -> TRACEPARENT.equals(key) ? event.traceparent() : null, Kind.CONSUMER);
        context.setCarrier(first);
        context.setRemoteServiceName("redis");
        Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(stream + " consume")
                .lowCardinalityKeyValue("stream", stream)
                .lowCardinalityKeyValue("type", type(events))
                .highCardinalityKeyValue("event.id", first.eventId())
                .highCardinalityKeyValue("events", Integer.toString(events.size()))
                .observe(handling);
    }

    /** The events' one type, or {@code mixed}: a metric tag, so a small set of values. */
    private static String type(List<EventEnvelope> events) {
        String type = events.get(0).type();
        return events.stream().allMatch(event -> event.type().equals(type)) ? type : "mixed";
    }
}
