package app.financetracker.transaction.category;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;

@ServiceIntegrationTest
class CategoryApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
    }

    private static String name(String base) {
        return base + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        String name = name("Camp");
        var first = admin.post("/api/categories", Map.of("name", name, "color", "#1F77B4"));

        var second = admin.post("/api/categories", Map.of("name", name.toUpperCase(), "color", "#ff7f0e"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.at("/color")).isEqualTo("#1f77b4");
        assertThat(second.status()).isEqualTo(409);
        assertThat(admin.get("/api/categories").json().findValuesAsString("name")).containsOnlyOnce(name);
    }

    @Test
    void badColourOrEmptyNameIsA400() {
        var response = admin.post("/api/categories", Map.of("name", " ", "color", "red"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "color");
    }

    @Test
    void categoryInUseCannotBeDeletedAndAFreeOneCan() {
        String member = knownMember(redis, mongo, "Cat", "User");
        String used = admin.post("/api/categories", Map.of("name", name("Uniforms"))).at("/id");
        String freeName = name("Spare");
        String free = admin.post("/api/categories", Map.of("name", freeName)).at("/id");
        var body = transaction(member, "RECEIVABLE", 45, "2026-02-01");
        body.put("categoryId", used);
        create(admin, body);

        assertThat(admin.delete("/api/categories/" + used).status()).isEqualTo(409);
        assertThat(admin.delete("/api/categories/" + free).status()).isEqualTo(204);
        assertThat(admin.get("/api/categories/" + free).status()).isEqualTo(404);
        assertThat(admin.get("/api/categories").json().findValuesAsString("id")).doesNotContain(free);
        // Its name is free again at once, and the deletion is published.
        assertThat(admin.post("/api/categories", Map.of("name", freeName)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                TestEvents.eventsOf(redis, Streams.CATEGORIES, free)).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.CATEGORY_CREATED, EventTypes.CATEGORY_DELETED));
    }

    /** A category with {@code count} transactions (of one new member), all of them published already. */
    private List<String> categoryWithTransactions(String category, int count) {
        String member = knownMember(redis, mongo, "Rename", "Category");
        List<String> transactions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var body = transaction(member, "DEBT", 10 + i, "2026-02-02");
            body.put("categoryId", category);
            transactions.add(create(admin, body));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> eventTypesOf(transactions).size() == count);
        return transactions;
    }

    /** The types of the events published for each of {@code transactions}, by transaction, in stream order. */
    private Map<String, List<String>> eventTypesOf(List<String> transactions) {
        return TestEvents.entries(redis, Streams.TRANSACTIONS).stream()
                .filter(entry -> transactions.contains(entry.get("aggregateId")))
                .collect(Collectors.groupingBy(entry -> entry.get("aggregateId"),
                        Collectors.mapping(entry -> entry.get("type"), Collectors.toList())));
    }

    /** The category names the global view shows for the category's transactions. */
    private List<String> namesShown(String category) {
        return admin.get("/api/transactions?size=100&categoryId=" + category).json().at("/content")
                .findValuesAsString("categoryName");
    }

    @Test
    void renamingACategoryRenamesAllItsTransactionsWithOneEventAndNoneOfTheirs() {
        String category = admin.post("/api/categories", Map.of("name", name("Week-end"))).at("/id");
        List<String> transactions = categoryWithTransactions(category, 30);
        String newName = name("Weekend trip");

        var renamed = admin.put("/api/categories/" + category, Map.of("name", newName, "version", 0));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.at("/name")).isEqualTo(newName);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(namesShown(category)).hasSize(30).containsOnly(newName));
        assertThat(admin.get("/api/transactions/" + transactions.get(0)).at("/categoryName")).isEqualTo(newName);
        // One CategoryUpdated carries the rename to the other services (reports follow it) …
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestEvents.eventsOf(redis, Streams.CATEGORIES, category)).satisfiesExactly(
                        created -> assertThat(created.type()).isEqualTo(EventTypes.CATEGORY_CREATED),
                        updated -> {
                            assertThat(updated.type()).isEqualTo(EventTypes.CATEGORY_UPDATED);
                            assertThat(updated.aggregateVersion()).isEqualTo(1);
                            assertThat(EventCodec.read(updated, CategoryPayload.class).name()).isEqualTo(newName);
                        }));
        // … and no transaction publishes a change, so the feed gets no "transaction changed" per transaction:
        // nothing pending in their outbox, nothing on the stream but their creation.
        assertThat(mongo.find(Query.query(Criteria.where("categoryId").is(category)), Document.class, "transactions"))
                .hasSize(30).allSatisfy(t -> assertThat(t.getList("outbox", Document.class, List.of())).isEmpty());
        assertThat(eventTypesOf(transactions)).hasSize(30)
                .allSatisfy((id, types) -> assertThat(types).containsExactly(EventTypes.TRANSACTION_CREATED));
    }

    @Test
    void aRenameLeftHalfDoneIsCompletedWhenItsEventIsDeliveredAgain() {
        String oldName = name("Cotisation");
        String category = admin.post("/api/categories", Map.of("name", oldName)).at("/id");
        List<String> transactions = categoryWithTransactions(category, 30);
        String newName = name("Membership fee");
        assertThat(admin.put("/api/categories/" + category, Map.of("name", newName, "version", 0)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> namesShown(category).stream().allMatch(newName::equals));
        EventEnvelope rename = TestEvents.eventsOf(redis, Streams.CATEGORIES, category).get(1);

        // As if the completion had stopped half-way (a crash before the acknowledgement): 12 still show the old name.
        mongo.updateMulti(Query.query(Criteria.where("_id").in(transactions.subList(0, 12))),
                new Update().set("categoryName", oldName), "transactions");
        assertThat(namesShown(category)).contains(oldName);
        TestEvents.publish(redis, Streams.CATEGORIES, rename);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(namesShown(category)).hasSize(30).containsOnly(newName));
    }

    @Test
    void aLateOlderRenameDoesNotBringTheOldNameBack() {
        String category = admin.post("/api/categories", Map.of("name", name("Jamboree"))).at("/id");
        categoryWithTransactions(category, 3);
        String first = name("Jamboree 2026");
        String second = name("World Jamboree");
        assertThat(admin.put("/api/categories/" + category, Map.of("name", first, "version", 0)).status())
                .isEqualTo(200);
        assertThat(admin.put("/api/categories/" + category, Map.of("name", second, "version", 1)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> namesShown(category).stream().allMatch(second::equals)
                && TestEvents.eventsOf(redis, Streams.CATEGORIES, category).size() == 3);

        String marker = admin.post("/api/categories", Map.of("name", name("Marker"))).at("/id");
        String markerTransaction = categoryWithTransactions(marker, 1).get(0);
        String markerName = name("Marker renamed");

        TestEvents.publish(redis, Streams.CATEGORIES, TestEvents.eventsOf(redis, Streams.CATEGORIES, category).get(1));
        assertThat(admin.put("/api/categories/" + marker, Map.of("name", markerName, "version", 0)).status())
                .isEqualTo(200);
        // One stream's events are handled in order: once the marker's rename is done, the late event was handled.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                markerName.equals(admin.get("/api/transactions/" + markerTransaction).at("/categoryName")));

        assertThat(namesShown(category)).containsOnly(second);
    }

    @Test
    void aStaleVersionIsA409AndRenamesNothing() {
        String category = admin.post("/api/categories", Map.of("name", name("Scouts"))).at("/id");
        String kept = name("Scouts kept");
        assertThat(admin.put("/api/categories/" + category, Map.of("name", kept, "version", 0)).status())
                .isEqualTo(200);

        var stale = admin.put("/api/categories/" + category, Map.of("name", name("Scouts lost"), "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).contains("application/problem+json");
        assertThat(admin.get("/api/categories/" + category).at("/name")).isEqualTo(kept);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                TestEvents.eventsOf(redis, Streams.CATEGORIES, category).size() == 2);
        assertThat(TestEvents.eventsOf(redis, Streams.CATEGORIES, category)).last()
                .satisfies(event -> assertThat(EventCodec.read(event, CategoryPayload.class).name()).isEqualTo(kept));
    }

    @Test
    void unknownCategoryOnATransactionIsRefused() {
        String member = knownMember(redis, mongo, "No", "Category");
        var body = transaction(member, "DEBT", 12, "2026-02-02");
        body.put("categoryId", "missing");

        var response = admin.post("/api/transactions", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors").findValuesAsString("field")).containsExactly("categoryId");
    }
}
