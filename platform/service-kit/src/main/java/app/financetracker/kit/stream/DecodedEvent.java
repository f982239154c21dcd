package app.financetracker.kit.stream;

import app.financetracker.events.EventEnvelope;

/** An event a handler takes, with its payload already read: what {@link StreamEventHandler#handleAll} gets. */
public record DecodedEvent<P>(EventEnvelope event, P payload) {
}
