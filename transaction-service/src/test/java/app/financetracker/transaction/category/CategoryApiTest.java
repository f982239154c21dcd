package app.financetracker.transaction.category;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
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
        String free = admin.post("/api/categories", Map.of("name", name("Spare"))).at("/id");
        var body = transaction(member, "RECEIVABLE", 45, "2026-02-01");
        body.put("categoryId", used);
        create(admin, body);

        assertThat(admin.delete("/api/categories/" + used).status()).isEqualTo(409);
        assertThat(admin.delete("/api/categories/" + free).status()).isEqualTo(204);
        assertThat(admin.get("/api/categories/" + free).status()).isEqualTo(404);
    }

    @Test
    void renamingACategoryRenamesItsTransactionsAndPublishesThem() {
        String member = knownMember(redis, mongo, "Rename", "Category");
        String category = admin.post("/api/categories", Map.of("name", name("Week-end"))).at("/id");
        var body = transaction(member, "DEBT", 12, "2026-02-02");
        body.put("categoryId", category);
        String transaction = create(admin, body);
        String newName = name("Weekend trip");

        var renamed = admin.put("/api/categories/" + category, Map.of("name", newName, "version", 0));

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(admin.get("/api/transactions/" + transaction).at("/categoryName")).isEqualTo(newName);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                TestEvents.eventsOf(redis, Streams.TRANSACTIONS, transaction)).last().satisfies(event -> {
                    assertThat(event.type()).isEqualTo("TransactionUpdated");
                    assertThat(EventCodec.read(event, TransactionPayload.class).categoryName()).isEqualTo(newName);
                }));
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
