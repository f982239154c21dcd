package app.financetracker.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.testkit.Infra;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Batches: read together, handed over together, acknowledged together; one failing event holds no other back. */
class StreamConsumersTest {

    static LettuceConnectionFactory connectionFactory;
    static StringRedisTemplate redis;
    final StreamProperties properties = new StreamProperties(3, Duration.ofMillis(500), Duration.ofMillis(300),
            Duration.ofMillis(200), 100, null);

    @BeforeAll
    static void connect() {
        connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(Infra.get().redisHost(), Infra.get().redisPort()));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        redis = new StringRedisTemplate(connectionFactory);
    }

    @AfterAll
    static void close() {
        connectionFactory.destroy();
    }

    /** A handler that records the batches it is given, and fails for the aggregate named "poison". */
    static final class Recording implements StreamEventHandler {
        final String stream = "test:batches:" + UUID.randomUUID();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final Set<String> handled = ConcurrentHashMap.newKeySet();

        @Override
        public String stream() {
            return stream;
        }

        @Override
        public void handleAll(List<EventEnvelope> events) {
            batchSizes.add(events.size());
            events.forEach(this::handle);
        }

        @Override
        public void handle(EventEnvelope event) {
            if (event.aggregateId().equals("poison")) {
                throw new IllegalStateException("cannot store this one");
            }
            handled.add(event.aggregateId());
        }
    }

    @Test
    void entriesWaitingTogetherAreHandledAsOneBatchAndAllAcknowledged() {
        Recording handler = new Recording();
        publish(handler.stream, IntStream.range(0, 50).mapToObj(i -> "a" + i).toList());
        StreamConsumers consumers = new StreamConsumers(connectionFactory, redis, List.of(handler), "batch-test", properties);
        consumers.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.size() == 50);
            assertThat(handler.batchSizes).contains(50);
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(handler.stream, "batch-test") == 0);
        } finally {
            consumers.stop();
        }
    }

    @Test
    void aFailingEventLeavesOnlyItselfPendingAndTheRestOfItsBatchIsStored() {
        Recording handler = new Recording();
        publish(handler.stream, List.of("b1", "b2", "poison", "b3", "b4"));
        StreamConsumers consumers = new StreamConsumers(connectionFactory, redis, List.of(handler), "poison-test", properties);
        consumers.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.size() == 4);
            assertThat(handler.handled).containsExactlyInAnyOrder("b1", "b2", "b3", "b4");
            // After max-deliveries attempts by the sweep, the poison alone ends in the dead-letter stream.
            await().atMost(Duration.ofSeconds(20)).until(() -> redis.opsForStream().size(handler.stream + ":dlq") == 1);
            assertThat(pending(handler.stream, "poison-test")).isZero();
        } finally {
            consumers.stop();
        }
    }

    private static void publish(String stream, List<String> aggregateIds) {
        for (String id : aggregateIds) {
            EventEnvelope event = EventEnvelope.create("TransactionCreated", id, 0, "{}");
            redis.opsForStream().add(StreamRecords.string(event.toFields()).withStreamKey(stream));
        }
    }

    private static long pending(String stream, String group) {
        return redis.opsForStream().pending(stream, group).getTotalPendingMessages();
    }
}
