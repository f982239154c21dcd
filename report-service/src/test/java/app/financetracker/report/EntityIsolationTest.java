package app.financetracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.entity.DefaultEntityMigration;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import app.financetracker.testkit.TwoEntities;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two entities with data in the same period, under the same category and member names (DESIGN §9): a report of
 * A counts only A's transactions, and B's reports, members and categories are unknown under A. Each test works in
 * a year of its own, so that the shared stream's other transactions stay out of its figures.
 */
@ServiceIntegrationTest
class EntityIsolationTest {

    private static final TwoEntities ENTITIES = new TwoEntities("rep");
    private static final String A = ENTITIES.a;
    private static final String B = ENTITIES.b;

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    Api adminOfA;
    Api adminOfB;
    Ledger ledgerOfA;
    Ledger ledgerOfB;

    @BeforeEach
    void setUp() {
        Api api = Api.at("http://localhost:" + port);
        adminOfA = api.as(ENTITIES.tokenOfA());
        adminOfB = api.as(ENTITIES.tokenOfB());
        ledgerOfA = new Ledger(redis, A);
        ledgerOfB = new Ledger(redis, B);
    }

    /** A member of {@code entityId} named as user-service would announce them. */
    private String member(String entityId, String firstName) {
        String id = Ledger.id();
        TestEvents.publish(redis, Streams.USERS, EventEnvelope.create(entityId, EventTypes.USER_CREATED, id, 0,
                EventCodec.write(new UserPayload(id, firstName, "Same", firstName + "@example.com"))));
        return id;
    }

    /** A category of {@code entityId} named as transaction-service would announce it. */
    private String category(String entityId, String name) {
        String id = Ledger.id();
        EventEnvelope event = TestEvents.category(EventTypes.CATEGORY_CREATED, id, 0, name);
        TestEvents.publish(redis, Streams.CATEGORIES, EventEnvelope.create(entityId, event.type(), id, 0,
                event.payload()));
        return id;
    }

    private void awaitAllConsumed() {
        Ledger.awaitConsumed(redis, Streams.USERS);
        Ledger.awaitConsumed(redis, Streams.CATEGORIES);
        Ledger.awaitConsumed(redis, Streams.TRANSACTIONS);
    }

    private static JsonNode report(Api api, Map<String, Object> request) {
        var created = api.post("/api/reports", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static Map<String, Object> period(String from, String to) {
        return new HashMap<>(Map.of("from", from, "to", to, "granularity", "MONTH"));
    }

    /** The body, with {@code id} written as {@code <id>}: two 404s for different ids then compare equal. */
    private static String withoutId(Api.Response response, String id) {
        return response.body().replace(id, "<id>");
    }

    @Test
    void aReportOfACountsOnlyAsTransactionsWhereBHasTheSameDaysNamesAndCategories() {
        // 2042: a year no other test uses. Both entities: a "Camp" category, a member called "Same", same days.
        String memberOfA = member(A, "Alex");
        String memberOfB = member(B, "Alex");
        String campOfA = category(A, "Camp");
        String campOfB = category(B, "Camp");
        LocalDate day = LocalDate.of(2042, 3, 14);
        ledgerOfA.create(memberOfA, "RECEIVABLE", "10.00", campOfA, "Camp", day);
        ledgerOfA.create(memberOfA, "COLLECTED", "4.00", null, null, day);
        ledgerOfB.create(memberOfB, "RECEIVABLE", "1000.00", campOfB, "Camp", day);
        ledgerOfB.create(memberOfB, "DEBT", "300.00", null, null, day);
        ledgerOfB.create(memberOfB, "COLLECTED", "50.00", campOfB, "Camp", day.plusDays(1));
        awaitAllConsumed();

        JsonNode ofA = report(adminOfA, period("2042-01-01", "2042-12-31"));
        JsonNode ofB = report(adminOfB, period("2042-01-01", "2042-12-31"));

        assertThat(ofA.at("/totals/receivables").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(ofA.at("/totals/collected").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(ofA.at("/totals/debts").decimalValue()).isEqualByComparingTo("0");
        assertThat(ofA.at("/totals/count").asLong()).isEqualTo(2);
        assertThat(ofA.at("/byPeriod/2/receivables").decimalValue()).isEqualByComparingTo("10.00");
        // "Camp" of A, then "no category" (of A only: B's 300.00 debt is not in it).
        assertThat(ofA.get("byCategory")).hasSize(2);
        assertThat(ofA.at("/byCategory/0/categoryId").asString()).isEqualTo(campOfA);
        assertThat(ofA.at("/byCategory/0/receivables").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(ofA.at("/byCategory/1/debts").decimalValue()).isEqualByComparingTo("0");
        assertThat(ofA.at("/byCategory/1/collected").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(ofA.get("byUser").findValuesAsString("userId")).containsExactly(memberOfA);
        assertThat(ofB.at("/totals/receivables").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(ofB.at("/totals/count").asLong()).isEqualTo(3);
        assertThat(ofB.get("byUser").findValuesAsString("userId")).containsExactly(memberOfB);
        // Filtered by A's own category and member: still only A's.
        Map<String, Object> byCategory = period("2042-03-01", "2042-03-31");
        byCategory.put("categoryId", campOfA);
        assertThat(report(adminOfA, byCategory).at("/totals/count").asLong()).isEqualTo(1);
        Map<String, Object> byMember = period("2042-03-01", "2042-03-31");
        byMember.put("userId", memberOfA);
        assertThat(report(adminOfA, byMember).at("/totals/outstanding").decimalValue()).isEqualByComparingTo("6.00");
    }

    @Test
    void bsMembersCategoriesAndReportsAreUnknownUnderA() {
        String memberOfB = member(B, "Bea");
        String campOfB = category(B, "Camp");
        ledgerOfB.create(memberOfB, "DEBT", "8.00", campOfB, "Camp", LocalDate.of(2043, 1, 5));
        awaitAllConsumed();
        String reportOfB = report(adminOfB, period("2043-01-01", "2043-01-31")).get("id").asString();
        String reportOfA = report(adminOfA, period("2043-01-01", "2043-01-31")).get("id").asString();
        String unknown = Ledger.id();

        for (String field : List.of("userId", "categoryId")) {
            Map<String, Object> foreign = period("2043-01-01", "2043-01-31");
            foreign.put(field, field.equals("userId") ? memberOfB : campOfB);
            Map<String, Object> missing = period("2043-01-01", "2043-01-31");
            missing.put(field, unknown);
            var refused = adminOfA.post("/api/reports", foreign);
            assertThat(refused.status()).isEqualTo(404);
            assertThat(withoutId(refused, (String) foreign.get(field)))
                    .isEqualTo(withoutId(adminOfA.post("/api/reports", missing), unknown));
        }
        String unknownReport = "0123456789abcdef01234567";
        for (String path : List.of("/api/reports/%s", "/api/reports/%s/export?format=csv",
                "/api/reports/%s/export?format=pdf")) {
            var foreign = adminOfA.get(path.formatted(reportOfB));
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(withoutId(foreign, reportOfB))
                    .isEqualTo(withoutId(adminOfA.get(path.formatted(unknownReport)), unknownReport));
        }
        var deleted = adminOfA.delete("/api/reports/" + reportOfB);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(withoutId(deleted, reportOfB))
                .isEqualTo(withoutId(adminOfA.delete("/api/reports/" + unknownReport), unknownReport));

        List<String> historyOfA = adminOfA.get("/api/reports?size=100").json().at("/content").findValuesAsString("id");
        assertThat(historyOfA).contains(reportOfA).doesNotContain(reportOfB);
        assertThat(adminOfA.get("/api/reports?size=100").json().at("/page/totalElements").asLong())
                .isEqualTo(historyOfA.size());
        assertThat(adminOfB.get("/api/reports/" + reportOfB).status()).isEqualTo(200);
        assertThat(adminOfB.get("/api/reports?size=100").json().at("/content").findValuesAsString("id"))
                .contains(reportOfB).doesNotContain(reportOfA);
    }

    @Test
    void anEventOfBNamingAsMemberOrCategoryIsIgnored() {
        String memberOfA = member(A, "Cleo");
        String campOfA = category(A, "Camp");
        LocalDate day = LocalDate.of(2044, 6, 1);
        ledgerOfA.create(memberOfA, "RECEIVABLE", "20.00", campOfA, "Camp", day);
        awaitAllConsumed();
        // Defects: B's entries naming A's member, A's category, and a member event of B for A's member.
        String memberOfB = member(B, "Dan");
        ledgerOfB.create(memberOfA, "RECEIVABLE", "500.00", null, null, day);
        ledgerOfB.create(memberOfB, "RECEIVABLE", "700.00", campOfA, "Camp", day);
        TestEvents.publish(redis, Streams.USERS, EventEnvelope.create(B, EventTypes.USER_UPDATED, memberOfA, 9,
                EventCodec.write(new UserPayload(memberOfA, "Taken", "Over", "taken@example.com"))));
        awaitAllConsumed();

        JsonNode ofA = report(adminOfA, period("2044-06-01", "2044-06-30"));
        JsonNode ofB = report(adminOfB, period("2044-06-01", "2044-06-30"));

        assertThat(ofA.at("/totals/receivables").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(ofA.at("/byUser/0/userName").asString()).isEqualTo("Cleo Same");
        assertThat(ofB.at("/totals/count").asLong()).isZero();
    }

    @Test
    void theEntityOfAReportIsTheRequestsNotABodyField() {
        Map<String, Object> request = period("2045-01-01", "2045-01-31");
        request.put("entityId", B);

        String id = report(adminOfA, request).get("id").asString();

        assertThat(mongo.getCollection("reports").find(new Document("_id", new ObjectId(id))).first()
                .getString("entityId"))
                .isEqualTo(A);
        assertThat(adminOfB.get("/api/reports/" + id).status()).isEqualTo(404);
        assertThat(adminOfA.get("/api/reports/" + id).status()).isEqualTo(200);
    }

    @Test
    void aForeignEntityIs403AndNoneNamedWithTwoIs400ListingBoth() {
        Api ofBoth = Api.at("http://localhost:" + port).as(ENTITIES.tokenOfBoth());

        var foreign = adminOfA.with("X-Entity", B).get("/api/reports");
        var unnamed = ofBoth.get("/api/reports");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(unnamed.status()).isEqualTo(400);
        List<String> listed = new ArrayList<>();
        unnamed.json().at("/entities").forEach(entity -> listed.add(entity.asString()));
        assertThat(listed).containsExactlyInAnyOrder(A, B);
        assertThat(ofBoth.with("X-Entity", A).get("/api/reports").status()).isEqualTo(200);
    }

    @Test
    void aReportWrittenBeforeEntitiesIsFoundInTheDefaultEntityAfterTheMigration() {
        ObjectId id = new ObjectId();
        Document zero = new Document("key", "total").append("receivables", new Decimal128(BigDecimal.ZERO))
                .append("debts", new Decimal128(BigDecimal.ZERO)).append("collected", new Decimal128(BigDecimal.ZERO))
                .append("outstanding", new Decimal128(BigDecimal.ZERO)).append("count", 0L);
        mongo.getCollection("reports").insertOne(new Document("_id", id).append("from", "2020-01-01")
                .append("to", "2020-01-31").append("granularity", "MONTH").append("timeZone", "Europe/Brussels")
                .append("currency", "EUR").append("createdAt", Instant.parse("2020-02-01T00:00:00Z"))
                .append("createdBy", "admin").append("totals", zero).append("byPeriod", List.of())
                .append("byCategory", List.of()).append("byUser", List.of()));

        DefaultEntityMigration.migrate(mongo);

        Api admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        assertThat(admin.get("/api/reports/" + id).status()).isEqualTo(200);
        assertThat(adminOfA.get("/api/reports/" + id).status()).isEqualTo(404);
    }
}
