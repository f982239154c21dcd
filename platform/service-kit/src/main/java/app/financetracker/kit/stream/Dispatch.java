package app.financetracker.kit.stream;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.MalformedEventException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * Hands one stream's entries to its handler: an entry of a type the handler does not take is acknowledged
 * unseen, one whose envelope or payload cannot be read goes to the dead-letter stream, the others reach the
 * handler with their payload read. This is the one place where a handler is invoked.
 */
final class Dispatch<P> {

    private final StreamEventHandler<P> handler;
    private final Subscription<P> subscription;
    private final Acknowledgements acknowledgements;
    private final DeadLetters deadLetters;
    private final EventTracing tracing;

    Dispatch(StreamEventHandler<P> handler, Acknowledgements acknowledgements, DeadLetters deadLetters,
             EventTracing tracing) {
        this.handler = handler;
        this.tracing = tracing;
        this.subscription = handler.subscription();
        this.acknowledgements = acknowledgements;
        this.deadLetters = deadLetters;
    }

    String stream() {
        return subscription.stream();
    }

    /**
     * One batch: the events the handler takes go to it together and, with those it does not take, are
     * acknowledged with one XACK; if the handler throws, each of its events is handled again on its own.
     */
    void deliver(List<? extends MapRecord<String, String, String>> records) {
        // Entries of other types: acknowledged with the batch, or at once when the handler threw.
        List<RecordId> ignored = new ArrayList<>();
        List<MapRecord<String, String, String>> taken = new ArrayList<>();
        List<DecodedEvent<P>> events = new ArrayList<>();
        for (MapRecord<String, String, String> record : records) {
            try {
                DecodedEvent<P> event = decode(record);
                if (event == null) {
                    ignored.add(record.getId());
                } else {
                    taken.add(record);
                    events.add(event);
                }
            } catch (MalformedEventException e) {
                deadLetters.send(stream(), record, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            acknowledge(ignored);
            return;
        }
        try {
            List<EventEnvelope> envelopes = events.stream().map(DecodedEvent::event).toList();
            tracing.consume(stream(), envelopes, () -> handler.handleAll(events));
            List<RecordId> all = new ArrayList<>(ignored);
            taken.forEach(record -> all.add(record.getId()));
            acknowledge(all);
        } catch (RuntimeException e) {
            acknowledge(ignored);
            if (events.size() == 1) {
                failed(taken.get(0), e);
            } else {
                for (int i = 0; i < events.size(); i++) {
                    deliver(taken.get(i), events.get(i));
                }
            }
        }
    }

    /** One entry on its own (taken over by the sweep). */
    void deliver(MapRecord<String, String, String> record) {
        DecodedEvent<P> event;
        try {
            event = decode(record);
        } catch (MalformedEventException e) {
            deadLetters.send(stream(), record, e.getMessage());
            return;
        }
        if (event == null) {
            acknowledgements.acknowledge(stream(), record.getId());
        } else {
            deliver(record, event);
        }
    }

    private void deliver(MapRecord<String, String, String> record, DecodedEvent<P> event) {
        try {
            tracing.consume(stream(), event.event(), () -> handler.handle(event.event(), event.payload()));
            acknowledgements.acknowledge(stream(), record.getId());
        } catch (RuntimeException e) {
            failed(record, e);
        }
    }

    /**
     * The entry handed over again with nothing acknowledged (replay); {@code false} when it is malformed, and
     * skipped.
     */
    boolean redeliver(MapRecord<String, String, String> record) {
        DecodedEvent<P> event;
        try {
            event = decode(record);
        } catch (MalformedEventException e) {
            return false;
        }
        if (event != null) {
            handler.handle(event.event(), event.payload());
        }
        return true;
    }

    /**
     * The event with its payload, or {@code null} when the handler does not take its type.
     *
     * @throws MalformedEventException when the envelope or the payload cannot be read
     */
    private DecodedEvent<P> decode(MapRecord<String, String, String> record) {
        EventEnvelope event = EventEnvelope.fromFields(record.getValue());
        if (!subscription.takes(event.type())) {
            return null;
        }
        return new DecodedEvent<>(event, EventCodec.read(event, subscription.payloadType()));
    }

    private void failed(MapRecord<String, String, String> record, RuntimeException error) {
        if (error instanceof MalformedEventException) {
            deadLetters.send(stream(), record, error.getMessage());
        } else {
            acknowledgements.failed(stream(), record.getId(), error);
        }
    }

    private void acknowledge(List<RecordId> ids) {
        acknowledgements.acknowledge(stream(), ids.toArray(RecordId[]::new));
    }
}
