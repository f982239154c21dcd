package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What a service does with the events of one stream. A bean of this type is all a service writes to consume a
 * stream: it names the event types it takes and their payload class ({@link #subscription()}); the kit
 * ({@link StreamConsumers}) reads, acknowledges entries of other types unseen, sends an entry whose envelope or
 * payload cannot be read to the dead-letter stream, and retries. The handler must be idempotent (DESIGN §3): it
 * may see an event more than once, and out of order.
 *
 * @param <P> the payload record of the events it takes
 */
public interface StreamEventHandler<P> {

    /** The stream, the event types and the payload class this handler takes. */
    Subscription<P> subscription();

    /**
     * Stores the event's effect. Returning normally acknowledges the event; throwing leaves it pending for a
     * retry, or sends it to the dead-letter stream when it has failed too often.
     */
    void handle(EventEnvelope event, P payload);

    /**
     * Stores the effects of events read together, in their order: by default one after the other. A handler
     * overrides it to do work that several events share only once (a member's balance summed once for all of
     * their transactions in the batch). Returning normally acknowledges them all; throwing leaves them pending,
     * and each is then handled again on its own with {@link #handle}, so one bad event holds no other back.
     */
    default void handleAll(List<DecodedEvent<P>> events) {
        events.forEach(decoded -> handle(decoded.event(), decoded.payload()));
    }

    /** A handler of the {@code subscription}'s events that does {@code action}. */
    static <P> StreamEventHandler<P> of(Subscription<P> subscription, BiConsumer<EventEnvelope, P> action) {
        return new StreamEventHandler<>() {
            @Override
            public Subscription<P> subscription() {
                return subscription;
            }

            @Override
            public void handle(EventEnvelope event, P payload) {
                action.accept(event, payload);
            }
        };
    }
}
