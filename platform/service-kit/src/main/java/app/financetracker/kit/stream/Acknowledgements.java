package app.financetracker.kit.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * XACK of what is done with, and the last error of each entry that failed here and stays pending, for the
 * dead-letter entry it may end as.
 */
final class Acknowledgements {

    private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

    private final StringRedisTemplate redis;
    private final ConsumerGroup group;
    private final Map<RecordId, String> lastErrors = new ConcurrentHashMap<>();

    Acknowledgements(StringRedisTemplate redis, ConsumerGroup group) {
        this.redis = redis;
        this.group = group;
    }

    /** One XACK for all of {@code ids}. */
    void acknowledge(String stream, RecordId... ids) {
        if (ids.length == 0) {
            return;
        }
        redis.opsForStream().acknowledge(stream, group.name(), ids);
        for (RecordId id : ids) {
            lastErrors.remove(id);
        }
    }

    /** Leaves the entry pending: the sweep retries it, or dead-letters it once it has failed too often. */
    void failed(String stream, RecordId id, RuntimeException error) {
        lastErrors.put(id, error.toString());
        log.warn("Event {} of {} failed, it stays pending for a retry: {}", id, stream, error.toString());
    }

    String lastError(RecordId id) {
        return lastErrors.getOrDefault(id, "seen by another instance");
    }
}
