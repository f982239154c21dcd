package app.financetracker.kit.stream;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code POST /actuator/streams/{stream}}: rebuilds this service's projection of a stream by handing every
 * entry from the stream's start to its handler again (handlers are idempotent). Needs role {@code super-admin}.
 */
@Endpoint(id = "streams")
public class StreamsEndpoint {

    private final StreamConsumers consumers;

    public StreamsEndpoint(StreamConsumers consumers) {
        this.consumers = consumers;
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector String stream) {
        return Map.of("stream", stream, "replayed", consumers.replay(stream));
    }
}
