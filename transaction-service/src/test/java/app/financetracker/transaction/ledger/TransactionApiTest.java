package app.financetracker.transaction.ledger;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;

@ServiceIntegrationTest
class TransactionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    Api api;
    Api admin;

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
        admin = api.as(Tokens.admin());
    }

    private List<EventEnvelope> eventsOf(String id) {
        return TestEvents.eventsOf(redis, Streams.TRANSACTIONS, id);
    }

    @Test
    void recordedTransactionIsStoredAsDecimal128AndPublishedWithItsFullState() {
        String lucas = knownMember(redis, mongo, "Lucas", "Dupont");

        var created = admin.post("/api/transactions", transaction(lucas, "RECEIVABLE", 300.10, "2026-03-14"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.at("/userName")).isEqualTo("Lucas Dupont");
        assertThat(created.at("/date")).isEqualTo("2026-03-14");
        assertThat(created.json().at("/amount").decimalValue()).isEqualByComparingTo("300.10");
        Document stored = mongo.getCollection("transactions").find(new Document("_id", id)).first();
        assertThat(stored.get("amount")).isInstanceOf(Decimal128.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventsOf(id)).singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo("TransactionCreated");
                    TransactionPayload payload = EventCodec.read(event, TransactionPayload.class);
                    assertThat(payload.userId()).isEqualTo(lucas);
                    assertThat(payload.amount()).isEqualByComparingTo("300.10");
                    assertThat(payload.type()).isEqualTo("RECEIVABLE");
                }));
    }

    @Test
    void editAndDeletePublishNewerVersions() {
        String member = knownMember(redis, mongo, "Emma", "Peeters");
        String id = create(admin, transaction(member, "DEBT", 20, "2026-01-02"));
        Map<String, Object> change = transaction(member, "COLLECTED", 35.5, "2026-01-03");
        change.put("version", 0);
        change.put("userName", "ignored");

        var updated = admin.put("/api/transactions/" + id, change);
        var stale = admin.put("/api/transactions/" + id, change);
        var deleted = admin.delete("/api/transactions/" + id);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/type")).isEqualTo("COLLECTED");
        assertThat(updated.at("/version")).isEqualTo("1");
        assertThat(updated.at("/userName")).isEqualTo("Emma Peeters");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get("/api/transactions/" + id).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventsOf(id))
                .extracting(EventEnvelope::type, EventEnvelope::aggregateVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TransactionCreated", 0L),
                        org.assertj.core.groups.Tuple.tuple("TransactionUpdated", 1L),
                        org.assertj.core.groups.Tuple.tuple("TransactionDeleted", 2L)));
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.findById(id, Document.class, "transactions") == null);
    }

    @Test
    void transactionForAnUnknownMemberIsRefused() {
        long before = mongo.count(new Query(), "transactions");

        var response = admin.post("/api/transactions", transaction("nobody", "RECEIVABLE", 10, "2026-01-01"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors").findValuesAsString("field")).containsExactly("userId");
        assertThat(mongo.count(new Query(), "transactions")).isEqualTo(before);
    }

    @Test
    void badAmountsTypesAndDatesAreFieldErrorsAndStoreNothing() {
        String member = knownMember(redis, mongo, "Bad", "Input");
        long before = mongo.count(new Query(), "transactions");
        Map<String, Map<String, Object>> cases = Map.of(
                "amount", transaction(member, "RECEIVABLE", 0, "2026-01-01"),
                "amount ", transaction(member, "RECEIVABLE", -5, "2026-01-01"),
                "amount  ", transaction(member, "RECEIVABLE", 1000000000.01, "2026-01-01"),
                "amount   ", transaction(member, "RECEIVABLE", 1.234, "2026-01-01"),
                "type", transaction(member, "GIFT", 10, "2026-01-01"),
                "date", transaction(member, "DEBT", 10, "2026-02-30"),
                "userId", transaction(Map.of("$gt", "").toString(), "DEBT", 10, "2026-01-01"));

        cases.forEach((field, body) -> {
            var response = admin.post("/api/transactions", body);
            assertThat(response.status()).as(field + " " + response).isIn(400, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().at("/errors").findValuesAsString("field")).as(response.toString())
                    .contains(field.strip());
        });
        var operator = admin.send("POST", "/api/transactions", "{\"userId\": {\"$gt\": \"\"}, \"type\": \"DEBT\", "
                + "\"amount\": 10, \"date\": \"2026-01-01\"}", "application/json");
        assertThat(operator.status()).isEqualTo(400);
        var missing = admin.post("/api/transactions", Map.of());
        assertThat(missing.json().at("/errors").findValuesAsString("field"))
                .contains("userId", "type", "amount", "date");
        assertThat(mongo.count(new Query(), "transactions")).isEqualTo(before);
    }

    @Test
    void filtersAreCumulativeAndSortingFollowsTheRequest() {
        String anna = knownMember(redis, mongo, "Anna", "Filter");
        String bram = knownMember(redis, mongo, "Bram", "Filter");
        create(admin, transaction(anna, "RECEIVABLE", 100, "2026-03-01"));
        create(admin, transaction(anna, "RECEIVABLE", 250, "2026-03-15"));
        create(admin, transaction(anna, "COLLECTED", 50, "2026-03-20"));
        create(admin, transaction(anna, "RECEIVABLE", 75, "2026-04-02"));
        create(admin, transaction(bram, "RECEIVABLE", 120, "2026-03-10"));

        var page = admin.get("/api/transactions?userId=" + anna + "&type=RECEIVABLE&from=2026-03-01&to=2026-03-31"
                + "&minAmount=90&sort=amount,desc");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().at("/content").findValues("amount")).extracting(n -> n.decimalValue().intValue())
                .containsExactly(250, 100);
        assertThat(page.json().at("/page/totalElements").asLong()).isEqualTo(2);
        var byDate = admin.get("/api/transactions?userId=" + anna + "&sort=date,asc");
        assertThat(byDate.json().at("/content").findValuesAsString("date"))
                .containsExactly("2026-03-01", "2026-03-15", "2026-03-20", "2026-04-02");
        var text = admin.get("/api/transactions?q=COLLECTED%2050&userId=" + anna);
        assertThat(text.json().at("/page/totalElements").asLong()).isEqualTo(1);
        var regex = admin.get("/api/transactions?q=.*");
        assertThat(regex.json().at("/page/totalElements").asLong()).isZero();
    }

    @Test
    void inconsistentOrMalformedFiltersAreA400() {
        assertThat(admin.get("/api/transactions?from=2026-04-01&to=2026-03-01").status()).isEqualTo(400);
        assertThat(admin.get("/api/transactions?minAmount=10&maxAmount=5").status()).isEqualTo(400);
        assertThat(admin.get("/api/transactions?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/transactions?type=GIFT").status()).isEqualTo(400);
        assertThat(admin.get("/api/transactions?sort=outbox,asc").status()).isEqualTo(400);
        assertThat(admin.get("/api/transactions?minAmount=abc").contentType()).startsWith("application/problem+json");
    }

    @Test
    void anonymousAndRolelessCallersAreRefused() {
        assertThat(api.get("/api/transactions").status()).isEqualTo(401);
        assertThat(api.as(Tokens.withoutRole()).get("/api/transactions").status()).isEqualTo(403);
        assertThat(api.as(Tokens.withoutRole()).get("/api/categories").status()).isEqualTo(403);
    }
}
