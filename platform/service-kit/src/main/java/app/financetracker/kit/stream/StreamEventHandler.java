package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a service does with each event of one stream. A bean of this type is all a service writes to
 * consume a stream: group creation, acknowledgement, retries and dead-lettering are {@link StreamConsumers}'.
 * The handler must be idempotent (DESIGN §3): it may see an event more than once, and out of order.
 */
public interface StreamEventHandler {

    String stream();

    /**
     * Stores the event's effect. Returning normally acknowledges the event; throwing leaves it pending for a
     * retry, or sends it to the dead-letter stream when it is malformed or has failed too often.
     */
    void handle(EventEnvelope event);

    /**
     * Stores the effects of events read together, in their order: by default one after the other. A handler
     * overrides it to do work that several events share only once (a member's balance summed once for all of
     * their transactions in the batch). Returning normally acknowledges them all; throwing leaves them pending,
     * and each is then handled again on its own with {@link #handle}, so one bad event holds no other back.
     */
    default void handleAll(List<EventEnvelope> events) {
        events.forEach(this::handle);
    }

    /** A handler of {@code stream} that does {@code action}. */
    static StreamEventHandler of(String stream, Consumer<EventEnvelope> action) {
        return new StreamEventHandler() {
            @Override
            public String stream() {
                return stream;
            }

            @Override
            public void handle(EventEnvelope event) {
                action.accept(event);
            }
        };
    }
}
