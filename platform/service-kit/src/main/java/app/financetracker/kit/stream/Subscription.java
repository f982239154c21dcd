package app.financetracker.kit.stream;

import java.util.Objects;
import java.util.Set;

/**
 * What a {@link StreamEventHandler} takes: the events of {@code types} on {@code stream}, their payload read as
 * {@code payloadType} (with {@link app.financetracker.events.EventCodec#read}). Entries of other types are
 * acknowledged and not handed over (DESIGN §3: a consumer ignores types it does not know).
 */
public record Subscription<P>(String stream, Set<String> types, Class<P> payloadType) {

    public Subscription {
        Objects.requireNonNull(stream, "stream");
        types = Set.copyOf(types);
        Objects.requireNonNull(payloadType, "payloadType");
    }

    public static <P> Subscription<P> to(String stream, Set<String> types, Class<P> payloadType) {
        return new Subscription<>(stream, types, payloadType);
    }

    boolean takes(String type) {
        return types.contains(type);
    }
}
