package app.financetracker.kit.stream;

import app.financetracker.events.Streams;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@code <stream>:dlq}: an entry no retry will help, with its fields as they were plus {@code sourceId},
 * {@code group} and {@code error}; then acknowledged on its stream.
 */
final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final StringRedisTemplate redis;
    private final ConsumerGroup group;
    private final Acknowledgements acknowledgements;

    DeadLetters(StringRedisTemplate redis, ConsumerGroup group, Acknowledgements acknowledgements) {
        this.redis = redis;
        this.group = group;
        this.acknowledgements = acknowledgements;
    }

    void send(String stream, MapRecord<String, String, String> record, String error) {
        Map<String, String> fields = new LinkedHashMap<>(record.getValue());
        fields.put("sourceId", record.getId().getValue());
        fields.put("group", group.name());
        fields.put("error", error);
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(Streams.deadLetter(stream)));
        acknowledgements.acknowledge(stream, record.getId());
        log.error("Event {} of {} moved to {}: {}", record.getId(), stream, Streams.deadLetter(stream), error);
    }
}
