package app.financetracker.user.balance;

import static app.financetracker.testkit.TestEvents.publishTransaction;
import static app.financetracker.testkit.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.kit.stream.StreamConsumers;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.StreamProperties;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Balances follow transaction events: exactly, whatever the delivery order or repetition. */
@ServiceIntegrationTest
class BalanceProjectionTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisConnectionFactory connectionFactory;
    @Autowired
    BalanceProjection projection;
    @Autowired
    StreamProperties properties;
    @Autowired
    MongoTemplate mongo;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
    }

    private String newMember() {
        var created = admin.post("/api/users", Map.of("firstName", "Lucas", "lastName", "Dupont",
                "email", "lucas-" + UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/id");
    }

    private void awaitBalance(String memberId, String receivables, String debts, String collected, String outstanding) {
        // Generous: this is about exactness, not speed (the 1-second target is measured end to end, in e2e and
        // bench/), and the machine may be busy with other builds.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var member = admin.get("/api/users/" + memberId);
            assertThat(member.json().at("/balance/receivables").decimalValue()).isEqualByComparingTo(receivables);
            assertThat(member.json().at("/balance/debts").decimalValue()).isEqualByComparingTo(debts);
            assertThat(member.json().at("/balance/collected").decimalValue()).isEqualByComparingTo(collected);
            assertThat(member.json().at("/balance/outstanding").decimalValue()).isEqualByComparingTo(outstanding);
        });
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theSeedsExampleMemberOwesNothing() {
        String lucas = newMember();

        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, lucas, "RECEIVABLE", "300"));
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, lucas, "DEBT", "150"));
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, lucas, "COLLECTED", "150"));

        awaitBalance(lucas, "300", "150", "150", "0");
    }

    @Test
    void aLedgerKeptBeforeBooksExistedIsBookedOnceAndItsBalancesStayExact() {
        String lucas = newMember();
        // Entries as the projection wrote them before balance books (no owners); one deleted.
        mongo.insert(List.of(entry(lucas, "RECEIVABLE", "300", false), entry(lucas, "DEBT", "150", false),
                entry(lucas, "COLLECTED", "999", true)), BalanceProjection.ENTRIES);
        mongo.dropCollection(BalanceProjection.BOOKS);

        projection.bookEveryEntry();

        awaitBalance(lucas, "300", "150", "0", "150");
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, lucas, "COLLECTED", "50"));
        awaitBalance(lucas, "300", "150", "50", "100");
    }

    private static Document entry(String member, String type, String amount, boolean deleted) {
        return new Document("_id", id()).append("userId", member).append("type", type)
                .append("amount", new Decimal128(new BigDecimal(amount))).append("deleted", deleted)
                .append("version", 0L);
    }

    @Test
    void editingMovingAndDeletingATransactionAdjustsEveryMemberConcerned() {
        String a = newMember();
        String b = newMember();
        String t = id();

        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, t, 0, a, "RECEIVABLE", "120.50"));
        awaitBalance(a, "120.50", "0", "0", "120.50");

        publishTransaction(redis, transaction(EventTypes.TRANSACTION_UPDATED, t, 1, a, "COLLECTED", "80"));
        awaitBalance(a, "0", "0", "80", "-80");

        publishTransaction(redis, transaction(EventTypes.TRANSACTION_UPDATED, t, 2, b, "COLLECTED", "80"));
        awaitBalance(a, "0", "0", "0", "0");
        awaitBalance(b, "0", "0", "80", "-80");

        publishTransaction(redis, transaction(EventTypes.TRANSACTION_DELETED, t, 3, b, "COLLECTED", "80"));
        awaitBalance(b, "0", "0", "0", "0");
    }

    @Test
    void duplicateAndOutOfOrderDeliveryGiveTheSameBalance() {
        String member = newMember();
        String t = id();
        EventEnvelope created = transaction(EventTypes.TRANSACTION_CREATED, t, 0, member, "RECEIVABLE", "10");
        EventEnvelope edited = transaction(EventTypes.TRANSACTION_UPDATED, t, 1, member, "RECEIVABLE", "25");
        EventEnvelope deletedOther = transaction(EventTypes.TRANSACTION_DELETED, id(), 5, member, "DEBT", "7");

        // The edit arrives first, then the creation twice, then the edit again; a deletion precedes its creation.
        publishTransaction(redis, edited);
        publishTransaction(redis, created);
        publishTransaction(redis, created);
        publishTransaction(redis, edited);
        publishTransaction(redis, deletedOther);
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, deletedOther.aggregateId(), 0, member,
                "DEBT", "7"));
        String marker = id();
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, marker, 0, member, "COLLECTED", "1"));

        awaitBalance(member, "25", "0", "1", "24");
    }

    @Test
    void replayingTheWholeStreamChangesNoBalance() {
        String member = newMember();
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, member, "RECEIVABLE", "42"));
        awaitBalance(member, "42", "0", "0", "42");

        var replay = admin.patient(Duration.ofMinutes(2)).post("/actuator/streams/" + Streams.TRANSACTIONS, null);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().at("/replayed").asLong()).isPositive();
        awaitBalance(member, "42", "0", "0", "42");
    }

    @Test
    void poisonEventGoesToTheDeadLetterStreamWhileConsumptionGoesOn() {
        String member = newMember();
        String poisonId = id();
        publishTransaction(redis, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED,
                poisonId, 0, "{\"amount\": "));
        publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, member, "DEBT", "5"));

        awaitBalance(member, "0", "5", "0", "-5");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestEvents.entries(redis, Streams.deadLetter(Streams.TRANSACTIONS)))
                .anySatisfy(entry -> {
                    assertThat(entry).containsEntry("aggregateId", poisonId).containsEntry("group", "user-service");
                    assertThat(entry.get("error")).contains("Unreadable");
                }));
    }

    @Test
    void anEventLeftPendingByADeadInstanceIsTakenOverBySweep() {
        String group = "sweep-test-" + UUID.randomUUID();
        redis.opsForStream().createGroup(Streams.TRANSACTIONS, org.springframework.data.redis.connection.stream.ReadOffset.latest(), group);
        EventEnvelope event = transaction(EventTypes.TRANSACTION_CREATED, id(), 0, newMember(), "RECEIVABLE", "9");
        publishTransaction(redis, event);
        // An instance of that group reads the event and dies before acknowledging it.
        var taken = redis.opsForStream().read(org.springframework.data.redis.connection.stream.Consumer.from(group,
                "dead-instance"), org.springframework.data.redis.connection.stream.StreamOffset.create(
                Streams.TRANSACTIONS, org.springframework.data.redis.connection.stream.ReadOffset.lastConsumed()));
        assertThat(taken).hasSize(1);
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamEventHandler<TransactionPayload> recording = StreamEventHandler.of(projection.subscription(),
                (e, transaction) -> handled.add(e.eventId()));
        StreamConsumers survivor = new StreamConsumers(connectionFactory, redis, List.of(recording), group, properties);
        survivor.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains(event.eventId()));
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    redis.opsForStream().pending(Streams.TRANSACTIONS, group).getTotalPendingMessages() == 0);
        } finally {
            survivor.stop();
            redis.opsForStream().destroyGroup(Streams.TRANSACTIONS, group);
        }
    }

    @Test
    void twoInstancesInOneGroupShareAThousandEventsAndEveryBalanceIsExact() {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(newMember());
        }
        AtomicInteger secondInstance = new AtomicInteger();
        StreamEventHandler<TransactionPayload> counting = StreamEventHandler.of(projection.subscription(), (event, tx) -> {
            projection.handle(event, tx);
            secondInstance.incrementAndGet();
        });
        StreamConsumers second = new StreamConsumers(connectionFactory, redis, List.of(counting), "user-service",
                properties);
        second.start();
        try {
            Random random = new Random(42);
            Map<String, BigDecimal> expected = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                String member = members.get(random.nextInt(members.size()));
                BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000), 2);
                expected.merge(member, amount, BigDecimal::add);
                publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, id(), 0, member, "RECEIVABLE",
                        amount.toPlainString()));
            }

            for (String member : members) {
                String sum = expected.getOrDefault(member, BigDecimal.ZERO).toPlainString();
                awaitBalance(member, sum, "0", "0", sum);
            }
            assertThat(secondInstance.get()).as("events handled by the second instance").isBetween(1, 999);
        } finally {
            second.stop();
        }
    }
}
