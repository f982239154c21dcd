package app.financetracker.transaction.ledger;

import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionType;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@code POST /api/transactions/batch}: all or nothing, once per Idempotency-Key, a crash half-way included. */
@ServiceIntegrationTest
class BatchApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TransactionService transactions;
    @Autowired
    BatchRecovery recovery;

    Api admin;
    String member;
    String marker;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        member = knownMember(redis, mongo, "Batch", "Member");
        marker = "batch " + UUID.randomUUID();
    }

    private Map<String, Object> item(Object amount) {
        Map<String, Object> body = transaction(member, "RECEIVABLE", amount, "2026-09-01");
        body.put("description", marker);
        return body;
    }

    private long stored() {
        return mongo.count(Query.query(Criteria.where("description").is(marker)), Transaction.class);
    }

    private Api.Response send(String key, List<Map<String, Object>> items) {
        Api api = key == null ? admin : admin.with("Idempotency-Key", key);
        return api.post("/api/transactions/batch", Map.of("transactions", items));
    }

    @Test
    void aBatchIsRecordedWholeInItsOrderAndEachTransactionPublishedOnce() {
        var created = send(null, List.of(item("10.00"), item("20.50"), item("30")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.at("/created")).isEqualTo("3");
        List<String> ids = created.json().get("ids").valueStream().map(id -> id.asString()).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.stream().map(id -> mongo.findById(id, Transaction.class).amount()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.50"), new BigDecimal("30"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> ids.forEach(id ->
                assertThat(TestEvents.eventsOf(redis, Streams.TRANSACTIONS, id)).singleElement()
                        .extracting(EventEnvelope::type).isEqualTo("TransactionCreated")));
    }

    @Test
    void oneBadItemRefusesTheWholeBatchNamingItsPlace() {
        var badAmount = send(null, List.of(item("10.00"), item("5"), item("1.005")));
        var unknownMember = send(null, List.of(item("10.00"), Map.of("userId", "nobody", "type", "DEBT",
                "amount", "3", "date", "2026-09-01", "description", marker)));
        var empty = send(null, List.of());
        var tooMany = send(null, IntStream.range(0, BatchRequest.MAX + 1).mapToObj(i -> item("1")).toList());

        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.json().at("/errors/0/field").asString()).isEqualTo("transactions[2].amount");
        assertThat(unknownMember.status()).isEqualTo(422);
        assertThat(unknownMember.json().at("/errors/0/field").asString()).isEqualTo("transactions[1].userId");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().at("/errors/0/field").asString()).isEqualTo("transactions");
        assertThat(stored()).isZero();
    }

    @Test
    void theSameKeyAnswersAsTheFirstTimeAndRecordsNothingMoreButAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        var first = send(key, List.of(item("10"), item("20")));
        var again = send(key, List.of(item("10"), item("20")));
        var other = send(key, List.of(item("10"), item("99")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("ids")).isEqualTo(first.json().get("ids"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(2);
        assertThat(send(" ", List.of(item("1"))).status()).isEqualTo(400);
    }

    @Test
    void aBatchACrashLeftHalfWrittenIsCompletedOnceByItsRetryOrAtStart() {
        BatchRequest request = new BatchRequest(IntStream.range(0, 6).mapToObj(i -> new TransactionRequest(member,
                TransactionType.DEBT, BigDecimal.valueOf(i + 1), null, LocalDate.parse("2026-09-02"), marker, null))
                .toList());
        String key = UUID.randomUUID().toString();
        // What a crash leaves: the batch written, then two of its six transactions, then nothing.
        List<Transaction> retried = interrupted(EventEnvelope.DEFAULT_ENTITY + ":" + key, request);
        List<Transaction> recovered = interrupted(UUID.randomUUID().toString(), request);

        var answer = admin.with("Idempotency-Key", key).post("/api/transactions/batch", request);
        recovery.completeInterruptedBatches();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("ids").valueStream().map(id -> id.asString()))
                .containsExactlyElementsOf(retried.stream().map(Transaction::id).toList());
        for (Transaction t : concat(retried, recovered)) {
            assertThat(mongo.count(Query.query(Criteria.where("_id").is(t.id())), Transaction.class)).isOne();
        }
        assertThat(stored()).isEqualTo(12);
        assertThat(mongo.count(Query.query(Criteria.where("done").is(false)), Batch.class)).isZero();
    }

    private List<Transaction> interrupted(String id, BatchRequest request) {
        List<Transaction> pending = transactions.prepareAll(EventEnvelope.DEFAULT_ENTITY, request.transactions());
        mongo.insert(new Batch(id, EventEnvelope.DEFAULT_ENTITY, BatchService.hash(request),
                pending.stream().map(Transaction::id).toList(), pending, false, Instant.now()));
        mongo.insert(pending.subList(0, 2), Transaction.class);
        return pending;
    }

    private static List<Transaction> concat(List<Transaction> a, List<Transaction> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
