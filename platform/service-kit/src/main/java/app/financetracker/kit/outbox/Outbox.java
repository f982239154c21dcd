package app.financetracker.kit.outbox;

import app.financetracker.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;

/**
 * The pending events of one aggregate document, stored in that same document so that the change and its
 * event are one atomic write (ADR 0002). Aggregates embed it as a field named {@code outbox}; the
 * {@link OutboxRelay} publishes and removes them.
 */
public final class Outbox {

    public static final String FIELD = "outbox";
    /** Set on a deleted aggregate: the relay removes the document once its tombstone is published. */
    public static final String DELETED_FIELD = "deleted";

    private Outbox() {
    }

    public static List<EventEnvelope> append(List<EventEnvelope> outbox, EventEnvelope event) {
        List<EventEnvelope> pending = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        pending.add(event);
        return pending;
    }
}
