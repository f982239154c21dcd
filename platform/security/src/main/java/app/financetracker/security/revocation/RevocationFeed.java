package app.financetracker.security.revocation;

import app.financetracker.events.AdminPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.MalformedEventException;
import app.financetracker.events.Streams;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StringRecord;

/**
 * Every instance reads all of {@code events:admins} itself (XREAD, no consumer group: each one must see every
 * revocation, not a share of them), starting one revocation window back so that an instance started later still
 * knows the revocations whose tokens may be alive. A blocking read on a connection of its own hands a revocation
 * over milliseconds after auth-service's outbox publishes it. While Redis is away, no new revocation arrives:
 * tokens revoked meanwhile live until Redis is back or they expire (ADR 0014).
 */
public final class RevocationFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final RedisConnectionFactory connections;
    private final TokenRevocations revocations;
    private final Clock clock;
    private volatile boolean running;
    private CountDownLatch stopped = new CountDownLatch(0);
    private Thread reader;

    public RevocationFeed(RedisConnectionFactory connections, TokenRevocations revocations, Clock clock) {
        this.connections = connections;
        this.revocations = revocations;
        this.clock = clock;
    }

    private void read() {
        String last = (clock.millis() - revocations.window().toMillis()) + "-0";
        StreamReadOptions options = StreamReadOptions.empty().count(100).block(BLOCK);
        StringRedisConnection connection = null;
        while (running) {
            try {
                if (connection == null) {
                    connection = new DefaultStringRedisConnection(connections.getConnection());
                }
                List<StringRecord> records = connection.xReadAsString(options,
                        StreamOffset.create(Streams.ADMINS, ReadOffset.from(last)));
                for (StringRecord record : records == null ? List.<StringRecord>of() : records) {
                    apply(record);
                    last = record.getId().getValue();
                }
            } catch (RuntimeException e) {
                close(connection);
                connection = null;
                if (running) {
                    log.warn("Reading {} failed, retrying in {}: {}", Streams.ADMINS, BLOCK, e.toString());
                    pause();
                }
            }
        }
        close(connection);
    }

    private void apply(StringRecord record) {
        try {
            EventEnvelope event = EventEnvelope.fromFields(record.getValue());
            if (EventTypes.ADMIN_REVOCATIONS.contains(event.type())) {
                AdminPayload admin = EventCodec.read(event, AdminPayload.class);
                revocations.revoke(event.aggregateId(), event.occurredAt(),
                        admin.removedRoles() == null ? List.of() : admin.removedRoles());
                log.info("Tokens of admin {} issued up to {} are refused ({})", event.aggregateId(),
                        event.occurredAt(), event.type());
            }
        } catch (MalformedEventException e) {
            log.warn("Skipping unreadable entry {} of {}: {}", record.getId(), Streams.ADMINS, e.getMessage());
        }
    }

    private void pause() {
        try {
            stopped.await(BLOCK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(StringRedisConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        stopped = new CountDownLatch(1);
        reader = new Thread(this::read, "revocation-feed");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped.countDown();
        try {
            reader.join(BLOCK.multipliedBy(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
