package app.financetracker.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Batches: read together, handed over together, acknowledged together; one failing event holds no other back.
 * Typed dispatch: only the subscribed types reach the handler, with their payload read; the rest is acked unseen.
 */
class StreamConsumersTest {

    static final LettuceConnectionFactory connectionFactory = TestRedis.CONNECTIONS;
    static final StringRedisTemplate redis = TestRedis.REDIS;
    final StreamProperties properties = new StreamProperties(3, Duration.ofMillis(500), Duration.ofMillis(300),
            Duration.ofMillis(200), 100, null);

    /** The payload of the test events. */
    record Sample(String name) {
    }

    /** A handler that records the batches it is given, and fails for the aggregate named "poison". */
    static final class Recording implements StreamEventHandler<Sample> {
        final String stream = "test:batches:" + UUID.randomUUID();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final Map<String, Sample> handled = new ConcurrentHashMap<>();

        @Override
        public Subscription<Sample> subscription() {
            return Subscription.to(stream, Set.of("Sampled"), Sample.class);
        }

        @Override
        public void handleAll(List<DecodedEvent<Sample>> events) {
            batchSizes.add(events.size());
            StreamEventHandler.super.handleAll(events);
        }

        @Override
        public void handle(EventEnvelope event, Sample payload) {
            if (event.aggregateId().equals("poison")) {
                throw new IllegalStateException("cannot store this one");
            }
            handled.put(event.aggregateId(), payload);
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
            assertThat(handler.handled).containsOnlyKeys("b1", "b2", "b3", "b4");
            // After max-deliveries attempts by the sweep, the poison alone ends in the dead-letter stream.
            await().atMost(Duration.ofSeconds(20)).until(() -> redis.opsForStream().size(handler.stream + ":dlq") == 1);
            // The entry is acknowledged right after it is dead-lettered: awaited, not assumed.
            await().atMost(Duration.ofSeconds(5)).until(() -> pending(handler.stream, "poison-test") == 0);
        } finally {
            consumers.stop();
        }
    }

    @Test
    void onlyTheSubscribedTypesReachTheHandlerWithTheirPayloadReadAndUnreadableOnesAreDeadLettered() {
        String stream = "test:typed:" + UUID.randomUUID();
        List<List<TransactionPayload>> batches = new CopyOnWriteArrayList<>();
        StreamEventHandler<TransactionPayload> handler = new StreamEventHandler<>() {
            @Override
            public Subscription<TransactionPayload> subscription() {
                return Subscription.to(stream, EventTypes.TRANSACTION_EVENTS, TransactionPayload.class);
            }

            @Override
            public void handle(EventEnvelope event, TransactionPayload payload) {
                batches.add(List.of(payload));
            }

            @Override
            public void handleAll(List<DecodedEvent<TransactionPayload>> events) {
                batches.add(events.stream().map(DecodedEvent::payload).toList());
            }
        };
        TransactionPayload good = transaction("u1", "DEBT");
        publish(stream, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED, "t1", 0, EventCodec.write(good)));
        publish(stream, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "TransactionArchived", "t2", 0, EventCodec.write(good)));
        publish(stream, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_UPDATED, "t3", 1, "{\"amount\": "));
        publish(stream, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_UPDATED, "t4", 1,
                EventCodec.write(transaction("u1", "REFUND"))));
        Map<String, String> noEnvelope = Map.of("type", EventTypes.TRANSACTION_CREATED, "payload", "{}");
        redis.opsForStream().add(StreamRecords.string(noEnvelope).withStreamKey(stream));

        StreamConsumers consumers = new StreamConsumers(connectionFactory, redis, List.of(handler), "typed-test", properties);
        consumers.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> redis.opsForStream().size(Streams.deadLetter(stream)) == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(stream, "typed-test") == 0);
            assertThat(batches).containsExactly(List.of(good));
            List<MapRecord<String, Object, Object>> letters = redis.opsForStream().range(Streams.deadLetter(stream),
                    Range.unbounded());
            assertThat(letters).allSatisfy(letter -> assertThat(letter.getValue())
                    .containsEntry("group", "typed-test").containsKeys("sourceId", "error"));
            assertThat(letters).extracting(letter -> String.valueOf(letter.getValue().get("aggregateId")))
                    .containsExactly("t3", "t4", "null");
            assertThat(String.valueOf(letters.get(1).getValue().get("error"))).contains("lacks");

            // Replay counts every entry, and hands over again only what the handler takes.
            assertThat(consumers.replay(stream)).isEqualTo(5);
            assertThat(batches).containsExactly(List.of(good), List.of(good));
        } finally {
            consumers.stop();
        }
    }

    @Test
    void aStreamThatLostItsGroupIsReadAgainFromItsStart() {
        Recording handler = new Recording();
        publish(handler.stream, List.of("before"));
        StreamConsumers consumers = new StreamConsumers(connectionFactory, redis, List.of(handler), "nogroup-test", properties);
        consumers.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.containsKey("before"));
            // What a Redis restart without persistence leaves: the stream, and with it the group, gone.
            redis.delete(handler.stream);
            publish(handler.stream, List.of("after"));

            await().atMost(Duration.ofSeconds(20)).until(() -> handler.handled.containsKey("after"));
            await().atMost(Duration.ofSeconds(10)).until(() -> pending(handler.stream, "nogroup-test") == 0);
        } finally {
            consumers.stop();
        }
    }

    private static TransactionPayload transaction(String userId, String type) {
        return new TransactionPayload(UUID.randomUUID().toString(), userId, "Test Member", type, new BigDecimal("5.00"),
                null, null, LocalDate.of(2026, 3, 14), "test");
    }

    private static void publish(String stream, List<String> aggregateIds) {
        for (String id : aggregateIds) {
            publish(stream, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "Sampled", id, 0, "{\"name\": \"" + id + "\"}"));
        }
    }

    private static void publish(String stream, EventEnvelope event) {
        redis.opsForStream().add(StreamRecords.string(event.toFields()).withStreamKey(stream));
    }

    private static long pending(String stream, String group) {
        return redis.opsForStream().pending(stream, group).getTotalPendingMessages();
    }
}
