package app.financetracker.transaction;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.inEntity;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.entity.DefaultEntityMigration;
import app.financetracker.testkit.Api;
import app.financetracker.transaction.category.Category;
import app.financetracker.transaction.category.CategoryService;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import app.financetracker.testkit.TwoEntities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two entities side by side (DESIGN §9): an admin of A sees, finds and changes only A's transactions and
 * categories; B's ids under A are unknown ids; B's members and categories cannot be named from A.
 */
@ServiceIntegrationTest
class EntityIsolationTest {

    private static final TwoEntities ENTITIES = new TwoEntities("tx");
    private static final String SUFFIX = ENTITIES.run;
    private static final String A = ENTITIES.a;
    private static final String B = ENTITIES.b;

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CategoryService categories;

    Api adminOfA;
    Api adminOfB;
    String memberOfA;
    String memberOfB;

    @BeforeEach
    void setUp() {
        Api api = Api.at("http://localhost:" + port);
        adminOfA = api.as(ENTITIES.tokenOfA());
        adminOfB = api.as(ENTITIES.tokenOfB());
        memberOfA = knownMember(redis, mongo, A, "Alice", "Isolated");
        memberOfB = knownMember(redis, mongo, B, "Bob", "Isolated");
    }

    private static String camp() {
        return "Camp " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static Map<String, Object> inCategory(String member, String category, String description) {
        Map<String, Object> body = transaction(member, "RECEIVABLE", 25, "2026-05-10");
        body.put("categoryId", category);
        body.put("description", description);
        return body;
    }

    /** The body, with {@code id} written as {@code <id>}: two 404s for different ids then compare equal. */
    private static String withoutId(Api.Response response, String id) {
        return response.body().replace(id, "<id>");
    }

    @Test
    void theSameCategoryNameIsFreeInEachEntityAndUniqueWithinOne() {
        String name = camp();

        var inA = adminOfA.post("/api/categories", Map.of("name", name));
        var inB = adminOfB.post("/api/categories", Map.of("name", name));
        var againInA = adminOfA.post("/api/categories", Map.of("name", name.toUpperCase()));

        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).isEqualTo(201);
        assertThat(againInA.status()).isEqualTo(409);
        assertThat(adminOfA.get("/api/categories").json().findValuesAsString("id"))
                .contains(inA.at("/id")).doesNotContain(inB.at("/id"));
        // A rename into a name another entity holds is no conflict either.
        String other = camp();
        String second = adminOfB.post("/api/categories", Map.of("name", other)).at("/id");
        assertThat(adminOfA.put("/api/categories/" + inA.at("/id"), Map.of("name", other, "version", 0)).status())
                .isEqualTo(200);
        assertThat(second).isNotBlank();
    }

    @Test
    void theIndexThatMadeNamesUniqueAcrossEntitiesGoesAtStart() {
        // Named as the version before entities named it (unique then; not here, where two entities share names).
        mongo.indexOps(Category.class).createIndex(new Index().on("nameKey", Sort.Direction.ASC).named("nameKey"));

        categories.afterPropertiesSet();
        categories.afterPropertiesSet();

        assertThat(mongo.indexOps(Category.class).getIndexInfo()).extracting(IndexInfo::getName)
                .doesNotContain("nameKey").contains("entity_name");
    }

    @Test
    void listsFiltersAndSearchesOfAShowNothingOfB() {
        String name = camp();
        String categoryOfA = adminOfA.post("/api/categories", Map.of("name", name)).at("/id");
        String categoryOfB = adminOfB.post("/api/categories", Map.of("name", name)).at("/id");
        String word = "isolation-" + SUFFIX;
        String ofA = create(adminOfA, inCategory(memberOfA, categoryOfA, word + " of A"));
        String ofB = create(adminOfB, inCategory(memberOfB, categoryOfB, word + " of B"));

        assertThat(ids(adminOfA, "size=100")).contains(ofA).doesNotContain(ofB);
        assertThat(ids(adminOfA, "q=" + word)).containsExactly(ofA);
        assertThat(ids(adminOfA, "q=Isolated&size=100")).contains(ofA).doesNotContain(ofB);
        assertThat(ids(adminOfA, "q=" + name.replace(' ', '+') + "&size=100")).containsExactly(ofA);
        assertThat(ids(adminOfA, "type=RECEIVABLE&from=2026-05-10&to=2026-05-10&minAmount=25&maxAmount=25&size=100"))
                .contains(ofA).doesNotContain(ofB);
        assertThat(ids(adminOfA, "sort=category,asc&size=100")).contains(ofA).doesNotContain(ofB);
        assertThat(ids(adminOfA, "userId=" + memberOfB)).isEmpty();
        assertThat(ids(adminOfA, "categoryId=" + categoryOfB)).isEmpty();
        assertThat(adminOfA.get("/api/transactions?q=" + word).json().at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(adminOfA.get("/api/categories").json().findValuesAsString("id")).doesNotContain(categoryOfB);
        assertThat(ids(adminOfB, "q=" + word)).containsExactly(ofB);
    }

    private static List<String> ids(Api api, String query) {
        var page = api.get("/api/transactions?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().at("/content").findValuesAsString("id");
    }

    @Test
    void bsIdsUnderAAreUnknownIdsAndBsDataStaysAsItWas() {
        String categoryOfB = adminOfB.post("/api/categories", Map.of("name", camp())).at("/id");
        String ofB = create(adminOfB, inCategory(memberOfB, categoryOfB, "of B"));
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> change = transaction(memberOfA, "DEBT", 1, "2026-05-11");
        change.put("version", 0);
        Map<String, Object> rename = Map.of("name", camp(), "version", 0);

        for (String path : List.of("/api/transactions/", "/api/categories/")) {
            var foreign = adminOfA.get(path + (path.contains("categories") ? categoryOfB : ofB));
            var missing = adminOfA.get(path + unknown);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(withoutId(foreign, path.contains("categories") ? categoryOfB : ofB))
                    .isEqualTo(withoutId(missing, unknown));
        }
        assertSameAsUnknown(adminOfA.put("/api/transactions/" + ofB, change), ofB,
                adminOfA.put("/api/transactions/" + unknown, change), unknown);
        assertSameAsUnknown(adminOfA.delete("/api/transactions/" + ofB), ofB,
                adminOfA.delete("/api/transactions/" + unknown), unknown);
        assertSameAsUnknown(adminOfA.put("/api/categories/" + categoryOfB, rename), categoryOfB,
                adminOfA.put("/api/categories/" + unknown, rename), unknown);
        assertSameAsUnknown(adminOfA.delete("/api/categories/" + categoryOfB), categoryOfB,
                adminOfA.delete("/api/categories/" + unknown), unknown);

        var stillB = adminOfB.get("/api/transactions/" + ofB);
        assertThat(stillB.status()).isEqualTo(200);
        assertThat(stillB.at("/version")).isEqualTo("0");
        assertThat(stillB.at("/userId")).isEqualTo(memberOfB);
        assertThat(adminOfB.get("/api/categories/" + categoryOfB).at("/version")).isEqualTo("0");
    }

    private static void assertSameAsUnknown(Api.Response foreign, String foreignId, Api.Response unknown,
                                            String unknownId) {
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(withoutId(foreign, foreignId)).isEqualTo(withoutId(unknown, unknownId));
    }

    @Test
    void aTransactionOfANamingBsMemberOrCategoryIsRefusedAsAnUnknownOne() {
        String categoryOfB = adminOfB.post("/api/categories", Map.of("name", camp())).at("/id");
        String unknown = UUID.randomUUID().toString();

        var bsMember = adminOfA.post("/api/transactions", transaction(memberOfB, "DEBT", 3, "2026-05-12"));
        var noMember = adminOfA.post("/api/transactions", transaction(unknown, "DEBT", 3, "2026-05-12"));
        var bsCategory = adminOfA.post("/api/transactions", inCategory(memberOfA, categoryOfB, "x"));
        var noCategory = adminOfA.post("/api/transactions", inCategory(memberOfA, unknown, "x"));

        assertThat(bsMember.status()).isEqualTo(422);
        assertThat(withoutId(bsMember, memberOfB)).isEqualTo(withoutId(noMember, unknown));
        assertThat(bsCategory.status()).isEqualTo(422);
        assertThat(withoutId(bsCategory, categoryOfB)).isEqualTo(withoutId(noCategory, unknown));
        // Changing one of A's into B's member is refused the same way.
        String ofA = create(adminOfA, transaction(memberOfA, "DEBT", 3, "2026-05-12"));
        Map<String, Object> moved = transaction(memberOfB, "DEBT", 3, "2026-05-12");
        moved.put("version", 0);
        assertThat(adminOfA.put("/api/transactions/" + ofA, moved).status()).isEqualTo(422);
        assertThat(adminOfA.get("/api/transactions/" + ofA).at("/userId")).isEqualTo(memberOfA);
    }

    @Test
    void theEntityComesFromTheRequestNeverFromTheBody() {
        Map<String, Object> body = transaction(memberOfA, "COLLECTED", 7, "2026-05-13");
        body.put("entityId", B);
        Map<String, Object> category = Map.of("name", camp(), "entityId", B);

        var created = adminOfA.post("/api/transactions", body);
        var createdCategory = adminOfA.post("/api/categories", category);

        assertThat(created.status()).isEqualTo(201);
        assertThat(createdCategory.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(mongo.getCollection("transactions").find(new Document("_id", id)).first().getString("entityId"))
                .isEqualTo(A);
        assertThat(mongo.getCollection("categories").find(new Document("_id", createdCategory.at("/id"))).first()
                .getString("entityId")).isEqualTo(A);
        assertThat(adminOfB.get("/api/transactions/" + id).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(TestEvents.eventsOf(redis, Streams.TRANSACTIONS, id)).singleElement()
                    .extracting(EventEnvelope::entityId).isEqualTo(A);
            assertThat(TestEvents.eventsOf(redis, Streams.CATEGORIES, createdCategory.at("/id"))).singleElement()
                    .extracting(EventEnvelope::entityId).isEqualTo(A);
        });
    }

    @Test
    void aMemberEventOfAnotherEntityNeverTouchesAsMemberOrTransactions() {
        String ofA = create(adminOfA, transaction(memberOfA, "RECEIVABLE", 9, "2026-05-14"));

        // A defect: B's stream entry names A's member. Ignored, then a marker of B shows the consumer went past it.
        TestEvents.publish(redis, Streams.USERS, inEntity(B,
                TestEvents.member(EventTypes.USER_DELETED, memberOfA, 5, "Taken", "Over")));
        String marker = knownMember(redis, mongo, B, "Marker", "Event");

        assertThat(marker).isNotBlank();
        var stillThere = adminOfA.get("/api/transactions/" + ofA);
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.at("/userName")).isEqualTo("Alice Isolated");
        assertThat(adminOfA.post("/api/transactions", transaction(memberOfA, "DEBT", 1, "2026-05-14")).status())
                .isEqualTo(201);
        assertThat(adminOfB.post("/api/transactions", transaction(memberOfA, "DEBT", 1, "2026-05-14")).status())
                .isEqualTo(422);
    }

    @Test
    void aForeignEntityIs403AndNoneNamedWithTwoIs400ListingBoth() {
        var foreign = adminOfA.with("X-Entity", B).get("/api/transactions");
        var unknownEntity = adminOfA.with("X-Entity", "no-such-" + SUFFIX).get("/api/categories");
        Api ofBoth = Api.at("http://localhost:" + port).as(ENTITIES.tokenOfBoth());
        var unnamed = ofBoth.get("/api/transactions");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(unknownEntity.status()).isEqualTo(403);
        assertThat(unnamed.status()).isEqualTo(400);
        List<String> listed = new ArrayList<>();
        unnamed.json().at("/entities").forEach(entity -> listed.add(entity.asString()));
        assertThat(listed).containsExactlyInAnyOrder(A, B);
        assertThat(ofBoth.with("X-Entity", B).get("/api/transactions").status()).isEqualTo(200);
    }

    @Test
    void aDocumentWrittenBeforeEntitiesIsFoundInTheDefaultEntityAfterTheMigration() {
        String member = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String category = UUID.randomUUID().toString();
        String categoryName = camp();
        Instant now = Instant.parse("2025-01-01T10:00:00Z");
        mongo.getCollection("members").insertOne(new Document("_id", member).append("displayName", "Old Timer")
                .append("deleted", false).append("version", 0L));
        mongo.getCollection("categories").insertOne(new Document("_id", category).append("name", categoryName)
                .append("nameKey", categoryName.toLowerCase()).append("color", "#607d8b").append("createdAt", now)
                .append("updatedAt", now).append("version", 0L).append("deleted", false));
        mongo.getCollection("transactions").insertOne(new Document("_id", id).append("userId", member)
                .append("userName", "Old Timer").append("type", "DEBT").append("amount", new Decimal128(12))
                .append("categoryId", category).append("categoryName", categoryName).append("date", "2025-01-01")
                .append("createdAt", now).append("updatedAt", now).append("version", 0L).append("deleted", false));

        assertThat(DefaultEntityMigration.migrate(mongo)).isGreaterThanOrEqualTo(3);

        Api admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        assertThat(admin.get("/api/transactions/" + id).at("/userName")).isEqualTo("Old Timer");
        assertThat(admin.get("/api/categories/" + category).at("/name")).isEqualTo(categoryName);
        assertThat(admin.post("/api/transactions", transaction(member, "DEBT", 2, "2025-01-02")).status()).isEqualTo(201);
        assertThat(adminOfA.get("/api/transactions/" + id).status()).isEqualTo(404);
        assertThat(adminOfA.post("/api/transactions", transaction(member, "DEBT", 2, "2025-01-02")).status())
                .isEqualTo(422);
    }
}
