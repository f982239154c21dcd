package app.financetracker.kit.stream;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * This service's consumer group (one per service, so that its instances split the work) and this process'
 * consumer name in it.
 */
final class ConsumerGroup {

    private static final Logger log = LoggerFactory.getLogger(ConsumerGroup.class);

    private final StringRedisTemplate redis;
    private final String name;
    private final Consumer consumer;

    ConsumerGroup(StringRedisTemplate redis, String name) {
        this.redis = redis;
        this.name = name;
        this.consumer = Consumer.from(name, name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String name() {
        return name;
    }

    Consumer consumer() {
        return consumer;
    }

    /** Creates the group (and the stream) if missing; a new group reads the stream from its start. */
    void ensure(String stream) {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
                    .xGroupCreate(stream.getBytes(StandardCharsets.UTF_8), name, ReadOffset.from("0"), true));
        } catch (RuntimeException e) {
            if (!RedisErrors.isBusyGroup(e)) {
                log.warn("Could not create group {} on {} yet: {}", name, stream, e.getMessage());
            }
        }
    }
}
