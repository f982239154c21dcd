package app.financetracker.kit.outbox;

/**
 * A collection whose documents carry their own pending events in an {@code outbox} array (see
 * {@link Outbox}), and the stream those events go to.
 */
public record OutboxSource(String collection, String stream) {
}
