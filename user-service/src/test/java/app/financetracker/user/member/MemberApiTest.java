package app.financetracker.user.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;

@ServiceIntegrationTest
class MemberApiTest {

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

    static Map<String, Object> member(String firstName, String lastName, String email) {
        return new HashMap<>(Map.of("firstName", firstName, "lastName", lastName, "email", email,
                "phone", "+32471234567"));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String create(String firstName, String lastName) {
        var created = admin.post("/api/users", member(firstName, lastName, unique(firstName)));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/id");
    }

    private List<EventEnvelope> eventsOf(String id) {
        return TestEvents.eventsOf(redis, Streams.USERS, id);
    }

    @Test
    void anonymousCallerGetsAProblem401() {
        var response = api.get("/api/users");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo("401");
    }

    @Test
    void garbageBearerGets401() {
        assertThat(api.as("not-a-jwt").get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutTheAdminRoleGets403() {
        var response = api.as(Tokens.withoutRole()).get("/api/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void createdMemberIsListedAndPublishedOnceOnTheUsersStream() {
        var created = admin.post("/api/users", member("Lucas", "Dupont", "Lucas.Dupont@Example.com"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/users/" + id);
        assertThat(created.at("/email")).isEqualTo("lucas.dupont@example.com");
        assertThat(created.at("/version")).isEqualTo("0");
        assertThat(created.json().at("/balance/outstanding").decimalValue()).isZero();
        assertThat(admin.get("/api/users/" + id).at("/lastName")).isEqualTo("Dupont");
        assertThat(admin.get("/api/users?size=100&q=lucas.dupont").json().at("/content").findValuesAsString("id"))
                .containsExactly(id);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(eventsOf(id)).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("UserCreated");
                assertThat(event.aggregateVersion()).isZero();
                assertThat(EventCodec.read(event, UserPayload.class).displayName()).isEqualTo("Lucas Dupont");
            });
            assertThat(mongo.findById(id, Member.class).outbox()).isEmpty();
        });
    }

    @Test
    void updateWithTheCurrentVersionChangesTheMemberAndPublishesUserUpdated() {
        String id = create("Emma", "Peeters");
        Map<String, Object> change = member("Emma", "Peeters-Janssens", unique("emma"));
        change.put("version", 0);
        change.put("balance", Map.of("outstanding", 999)); // read-only: ignored

        var updated = admin.put("/api/users/" + id, change);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.at("/lastName")).isEqualTo("Peeters-Janssens");
        assertThat(updated.at("/version")).isEqualTo("1");
        assertThat(updated.json().at("/balance/outstanding").decimalValue()).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(eventsOf(id))
                .extracting(EventEnvelope::type, EventEnvelope::aggregateVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("UserCreated", 0L),
                        org.assertj.core.groups.Tuple.tuple("UserUpdated", 1L)));
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        String id = create("Noah", "Janssens");
        Map<String, Object> first = member("Noah", "First", unique("noah"));
        first.put("version", 0);
        assertThat(admin.put("/api/users/" + id, first).status()).isEqualTo(200);
        Map<String, Object> stale = member("Noah", "Second", unique("noah"));
        stale.put("version", 0);

        var response = admin.put("/api/users/" + id, stale);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/users/" + id).at("/lastName")).isEqualTo("First");
    }

    @Test
    void updateWithoutVersionIsRefused() {
        String id = create("Mila", "Claes");

        var response = admin.put("/api/users/" + id, member("Mila", "Claes", unique("mila")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors").findValuesAsString("field")).containsExactly("version");
    }

    @Test
    void deletedMemberIsGoneAndItsTombstonePublished() {
        String id = create("Louis", "Wouters");

        assertThat(admin.delete("/api/users/" + id).status()).isEqualTo(204);

        assertThat(admin.get("/api/users/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/users?size=100&q=Wouters").json().at("/content").findValuesAsString("id"))
                .doesNotContain(id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(eventsOf(id)).extracting(EventEnvelope::type).containsExactly("UserCreated", "UserDeleted");
            assertThat(mongo.findById(id, Member.class)).isNull();
        });
        assertThat(admin.delete("/api/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void searchIsLiteralAndCaseInsensitive() {
        String email = "zoe.o+tag-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        var created = admin.post("/api/users", member("Zoë", "O'Brien", email));
        String id = created.at("/id");

        assertThat(admin.get("/api/users?size=100&q=O%2BTAG").json().at("/content").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(admin.get("/api/users?size=100&q=o'brien").json().at("/content").findValuesAsString("id"))
                .contains(id);
        // A regex would match everything; a literal matches nothing.
        assertThat(admin.get("/api/users?q=.*").json().at("/page/totalElements").asLong()).isZero();
    }

    @Test
    void sortingByAnUndocumentedFieldIsRefused() {
        var response = admin.get("/api/users?sort=outbox,asc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/errors").findValuesAsString("field")).containsExactly("sort");
    }

    @Test
    void invalidMemberIsRefusedWithFieldErrorsAndNothingStored() {
        long before = mongo.count(new Query(), Member.class);

        var response = admin.post("/api/users",
                Map.of("firstName", "", "lastName", "Dupont", "email", "not-an-email", "phone", "0471"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "email", "phone");
        assertThat(mongo.count(new Query(), Member.class)).isEqualTo(before);
    }

    @Test
    void badBodiesAreA400ProblemAndStoreNothing() {
        long before = mongo.count(new Query(), Member.class);
        List<String> bodies = List.of(
                "{\"firstName\": \"Lu",
                "{\"firstName\": {\"$gt\": \"\"}, \"lastName\": \"D\", \"email\": \"a@b.be\"}",
                "[]",
                "{\"firstName\": \"" + "x".repeat(1_000_000) + "\", \"lastName\": \"D\", \"email\": \"a@b.be\"}");

        for (String body : bodies) {
            var response = admin.send("POST", "/api/users", body, "application/json");
            assertThat(response.status()).as(body.substring(0, Math.min(40, body.length()))).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.count(new Query(), Member.class)).isEqualTo(before);
    }

    @Test
    void duplicateEmailIsAConflictOnCreateAndOnUpdate() {
        String email = unique("twice");
        assertThat(admin.post("/api/users", member("A", "One", email)).status()).isEqualTo(201);
        String other = create("B", "Two");

        var second = admin.post("/api/users", member("C", "Three", email.toUpperCase()));
        Map<String, Object> steal = member("B", "Two", email);
        steal.put("version", 0);
        var update = admin.put("/api/users/" + other, steal);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(update.status()).isEqualTo(409);
    }

    @Test
    void unknownMemberIsA404Problem() {
        var response = admin.get("/api/users/nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private java.util.Set<String> cachedProfiles(String id) {
        return redis.keys("finance-tracker:member::" + Tokens.DEFAULT_ENTITY + ":" + id + "@*");
    }

    @Test
    void aChangeToOneMemberInvalidatesOnlyThatProfileAndTheListPages() {
        String a = create("Anna", "Maes");
        String b = create("Bram", "Maes");
        admin.get("/api/users/" + a);
        admin.get("/api/users/" + b);
        assertThat(admin.get("/api/users?q=Maes").json().at("/page/totalElements").asLong()).isEqualTo(2);
        java.util.Set<String> bBefore = cachedProfiles(b);
        assertThat(cachedProfiles(a)).hasSize(1);
        assertThat(bBefore).hasSize(1);

        Map<String, Object> change = member("Anna", "Maes-Smets", unique("anna"));
        change.put("version", 0);
        admin.put("/api/users/" + a, change);

        assertThat(admin.get("/api/users/" + a).at("/lastName")).isEqualTo("Maes-Smets");
        assertThat(admin.get("/api/users?q=Maes-Smets").json().at("/page/totalElements").asLong()).isEqualTo(1);
        admin.get("/api/users/" + b);
        // A is cached under a new generation; B's entry is the one from before, still used.
        assertThat(cachedProfiles(a)).hasSize(2);
        assertThat(cachedProfiles(b)).isEqualTo(bBefore);
    }

    @Test
    void cacheHitsAndMissesAreExportedAsMetrics() {
        String id = create("Cache", "Metrics");
        admin.get("/api/users/" + id);
        admin.get("/api/users/" + id);

        String metrics = api.getAny("/actuator/prometheus").body();

        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"member\"[^}]*result=\"hit\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"member\"[^}]*result=\"miss\"[^}]*} [1-9]");
    }
}
