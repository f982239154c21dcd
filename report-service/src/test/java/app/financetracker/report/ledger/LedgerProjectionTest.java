package app.financetracker.report.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.kit.stream.StreamConsumers;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.StreamProperties;
import app.financetracker.report.Ledger;
import app.financetracker.report.Ledger.Tx;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** The projection gives exact figures whatever the delivery: repeated, late, concurrent, replayed or rebuilt. */
@ServiceIntegrationTest
class LedgerProjectionTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisConnectionFactory connectionFactory;
    @Autowired
    StreamProperties properties;
    @Autowired
    LedgerProjection projection;
    @Autowired
    LedgerRebuild rebuild;
    @Autowired
    MongoTemplate mongo;

    Api admin;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        ledger = new Ledger(redis);
    }

    private JsonNode report(String from, String to, String granularity) {
        var response = admin.post("/api/reports", Map.of("from", from, "to", to, "granularity", granularity));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static void assertFigures(JsonNode figures, Ledger ledger, Predicate<Tx> filter) {
        BigDecimal receivables = ledger.sum("RECEIVABLE", filter);
        BigDecimal debts = ledger.sum("DEBT", filter);
        BigDecimal collected = ledger.sum("COLLECTED", filter);
        assertThat(figures.get("receivables").decimalValue()).as("receivables").isEqualByComparingTo(receivables);
        assertThat(figures.get("debts").decimalValue()).as("debts").isEqualByComparingTo(debts);
        assertThat(figures.get("collected").decimalValue()).as("collected").isEqualByComparingTo(collected);
        assertThat(figures.get("count").asLong()).as("count").isEqualTo(ledger.live(filter).size());
    }

    @Test
    void repeatedLateAndOutOfOrderEventsGiveTheSameFigures() {
        String ana = Ledger.id();
        String ben = Ledger.id();
        String camp = Ledger.id();
        String dues = Ledger.id();
        LocalDate jan5 = LocalDate.of(2035, 1, 5);
        LocalDate feb7 = LocalDate.of(2035, 2, 7);
        Tx t1v0 = new Tx(Ledger.id(), 0, ana, "RECEIVABLE", new BigDecimal("10.00"), camp, "Camp", jan5, false);
        Tx t1v1 = new Tx(t1v0.id(), 1, ben, "DEBT", new BigDecimal("20.00"), dues, "Dues", feb7, false);
        Tx t1v2 = new Tx(t1v0.id(), 2, ben, "DEBT", new BigDecimal("25.00"), dues, "Dues", feb7, false);
        Tx t2v0 = new Tx(Ledger.id(), 0, ben, "COLLECTED", new BigDecimal("7.00"), dues, "Dues", feb7, false);
        Tx t2v1 = new Tx(t2v0.id(), 1, ben, "COLLECTED", new BigDecimal("7.00"), dues, "Dues", feb7, true);
        Tx t3v0 = new Tx(Ledger.id(), 0, ben, "RECEIVABLE", new BigDecimal("100.00"), dues, "Dues", feb7.plusDays(1), false);
        Tx t4v0 = new Tx(Ledger.id(), 0, ana, "RECEIVABLE", new BigDecimal("3.00"), camp, "Camp", jan5, false);
        Tx t4v1 = new Tx(t4v0.id(), 1, ana, "RECEIVABLE", new BigDecimal("3.00"), camp, "Camp", jan5, true);

        // The latest edit first, then the creation, the deletion before its creation, duplicates throughout.
        ledger.publish(EventTypes.TRANSACTION_UPDATED, t1v2);
        ledger.publish(EventTypes.TRANSACTION_CREATED, t1v0);
        ledger.publish(EventTypes.TRANSACTION_DELETED, t2v1);
        ledger.publish(EventTypes.TRANSACTION_UPDATED, t1v1);
        ledger.publish(EventTypes.TRANSACTION_UPDATED, t1v2);
        ledger.publish(EventTypes.TRANSACTION_CREATED, t3v0);
        ledger.publish(EventTypes.TRANSACTION_CREATED, t2v0);
        ledger.publish(EventTypes.TRANSACTION_DELETED, t4v1);
        ledger.publish(EventTypes.TRANSACTION_CREATED, t4v0);
        ledger.publish(EventTypes.TRANSACTION_CREATED, t3v0);
        ledger.awaitConsumed();

        JsonNode report = report("2035-01-01", "2035-02-28", "MONTH");
        assertFigures(report.get("totals"), ledger, tx -> true);
        assertThat(report.at("/totals/debts").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(report.at("/totals/receivables").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(report.at("/totals/count").asLong()).isEqualTo(2);
        assertThat(report.at("/byPeriod/0/count").asLong()).as("January: t1 moved away, t4 deleted").isZero();
        assertThat(report.get("byCategory")).extracting(c -> c.get("categoryName").asString()).containsExactly("Dues");
        assertThat(report.get("byUser")).extracting(u -> u.get("userId").asString()).containsExactly(ben);
    }

    @Test
    void twoInstancesSharingTheWorkOnTheSameBucketsGiveExactFigures() {
        List<String> members = List.of(Ledger.id(), Ledger.id(), Ledger.id());
        List<String> categories = List.of(Ledger.id(), Ledger.id());
        AtomicInteger secondInstance = new AtomicInteger();
        StreamEventHandler<TransactionPayload> counting = StreamEventHandler.of(projection.subscription(), (event, tx) -> {
            projection.handle(event, tx);
            secondInstance.incrementAndGet();
        });
        StreamConsumers second = new StreamConsumers(connectionFactory, redis, List.of(counting), "report-service",
                properties);
        second.start();
        try {
            Random random = new Random(7);
            String[] types = {"RECEIVABLE", "DEBT", "COLLECTED"};
            List<Tx> created = new ArrayList<>();
            // Few members, categories and days: nearly every event competes for the same roll-ups.
            for (int i = 0; i < 300; i++) {
                String category = categories.get(random.nextInt(2));
                created.add(ledger.create(members.get(random.nextInt(3)), types[random.nextInt(3)],
                        BigDecimal.valueOf(1 + random.nextInt(100_000), 2).toPlainString(), category, "C" + category,
                        LocalDate.of(2036, 6, 1 + random.nextInt(3))));
            }
            for (int i = 0; i < 60; i++) {
                Tx tx = created.get(i);
                if (i % 4 == 0) {
                    ledger.delete(tx);
                } else {
                    ledger.update(tx, members.get(random.nextInt(3)), tx.type(), "1.01", tx.categoryId(),
                            tx.categoryName(), LocalDate.of(2036, 6, 1 + random.nextInt(3)));
                }
            }
            ledger.awaitConsumed();
        } finally {
            second.stop();
        }
        assertThat(secondInstance.get()).as("events handled by the second instance").isBetween(1, 359);

        JsonNode report = report("2036-06-01", "2036-06-30", "DAY");
        assertFigures(report.get("totals"), ledger, tx -> true);
        for (int day = 0; day < 3; day++) {
            LocalDate date = LocalDate.of(2036, 6, 1 + day);
            assertFigures(report.get("byPeriod").get(day), ledger, Ledger.between(date, date));
        }
        for (JsonNode member : report.get("byUser")) {
            String id = member.get("userId").asString();
            assertFigures(member, ledger, tx -> tx.userId().equals(id));
        }
        for (JsonNode category : report.get("byCategory")) {
            String id = category.get("categoryId").asString();
            assertFigures(category, ledger, tx -> tx.categoryId().equals(id));
        }
    }

    @Test
    void replayingTheStreamAndRebuildingTheBucketsChangeNoFigure() {
        String member = Ledger.id();
        ledger.create(member, "RECEIVABLE", "42.00", null, null, LocalDate.of(2037, 1, 31));
        Tx moved = ledger.create(member, "DEBT", "8.00", Ledger.id(), "Snacks", LocalDate.of(2037, 1, 30));
        ledger.update(moved, member, "DEBT", "9.00", moved.categoryId(), "Snacks", LocalDate.of(2037, 2, 2));
        ledger.awaitConsumed();
        Map<String, Sums> before = buckets();

        var replay = admin.patient(Duration.ofMinutes(2)).post("/actuator/streams/" + Streams.TRANSACTIONS, null);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().at("/replayed").asLong()).isPositive();
        assertThat(buckets()).isEqualTo(before);

        assertThat(rebuild.rebuild()).isPositive();
        assertThat(buckets()).isEqualTo(before);
        JsonNode report = report("2037-01-01", "2037-02-28", "MONTH");
        assertThat(report.at("/byPeriod/0/outstanding").decimalValue()).isEqualByComparingTo("42.00");
        assertThat(report.at("/byPeriod/1/debts").decimalValue()).isEqualByComparingTo("9.00");
    }

    /** Every non-empty bucket's sums, by id (empty ones may exist or not, depending on the history). */
    private Map<String, Sums> buckets() {
        Map<String, Sums> sums = new HashMap<>();
        for (Document bucket : mongo.findAll(Document.class, Buckets.COLLECTION)) {
            Sums of = Sums.of(bucket);
            if (of.count() > 0) {
                sums.put(bucket.getString("_id"), new Sums(of.receivables().stripTrailingZeros(),
                        of.debts().stripTrailingZeros(), of.collected().stripTrailingZeros(), of.count()));
            }
        }
        return sums;
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterStreamAndConsumptionGoesOn() {
        String poison = Ledger.id();
        ledger.publishOnly(EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED, poison, 0, "{\"amount\": 1}"));
        String member = Ledger.id();
        ledger.create(member, "COLLECTED", "5.00", null, null, LocalDate.of(2038, 1, 1));
        ledger.awaitConsumed();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestEvents.entries(redis, Streams.deadLetter(Streams.TRANSACTIONS))).anySatisfy(entry -> {
                    assertThat(entry).containsEntry("aggregateId", poison).containsEntry("group", "report-service");
                    assertThat(entry.get("error")).contains("lacks");
                }));
        assertThat(report("2038-01-01", "2038-01-31", "MONTH").at("/totals/collected").decimalValue())
                .isEqualByComparingTo("5.00");
    }
}
