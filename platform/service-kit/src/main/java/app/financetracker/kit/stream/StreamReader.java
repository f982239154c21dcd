package app.financetracker.kit.stream;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;

/**
 * The read loop of one stream: XREADGROUP of up to {@code batchSize} new entries (blocking up to
 * {@code pollTimeout}) on a connection of its own, kept open between reads, and the whole batch to the
 * dispatch at once. A read error closes the connection and waits one poll timeout (no spinning while Redis is
 * away); {@code NOGROUP} (Redis came back without its data) recreates the group.
 */
final class StreamReader implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);

    private final RedisConnectionFactory connectionFactory;
    private final ConsumerGroup group;
    private final Dispatch<?> dispatch;
    private final StreamProperties properties;
    private final BooleanSupplier running;

    StreamReader(RedisConnectionFactory connectionFactory, ConsumerGroup group, Dispatch<?> dispatch,
                 StreamProperties properties, BooleanSupplier running) {
        this.connectionFactory = connectionFactory;
        this.group = group;
        this.dispatch = dispatch;
        this.properties = properties;
        this.running = running;
    }

    @Override
    public void run() {
        String stream = dispatch.stream();
        StreamReadOptions options = StreamReadOptions.empty().count(properties.batchSize()).block(properties.pollTimeout());
        StringRedisConnection connection = null;
        while (running.getAsBoolean()) {
            try {
                if (connection == null) {
                    connection = new DefaultStringRedisConnection(connectionFactory.getConnection());
                }
                List<StringRecord> records = connection.xReadGroupAsString(group.consumer(), options,
                        StreamOffset.create(stream, ReadOffset.lastConsumed()));
                if (records != null && !records.isEmpty()) {
                    dispatch.deliver(records);
                }
            } catch (RuntimeException e) {
                close(connection);
                connection = null;
                if (running.getAsBoolean()) {
                    onReadError(stream, e);
                }
            }
        }
        close(connection);
    }

    private void onReadError(String stream, RuntimeException error) {
        if (RedisErrors.isNoGroup(error)) {
            // Redis lost its data (restart without persistence): recreate the group and read on.
            group.ensure(stream);
        } else {
            log.warn("Reading {} failed, retrying in {}: {}", stream, properties.pollTimeout(), error.toString());
            // Redis is away and rejects commands at once: wait as long as a read would have blocked, not spin.
            pause(properties.pollTimeout());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(RedisConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                // already broken
            }
        }
    }
}
