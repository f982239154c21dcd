package app.financetracker.user.member;

import static app.financetracker.user.member.MemberApiTest.member;
import static app.financetracker.user.member.MemberApiTest.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.kit.entity.DefaultEntityMigration;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import app.financetracker.testkit.TwoEntities;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Members of two entities (DESIGN §9): neither sees, finds, changes nor collides with the other's. */
@ServiceIntegrationTest
class MemberIsolationTest {

    private static final TwoEntities ENTITIES = new TwoEntities("members");
    private static final String RUN = ENTITIES.run;
    private static final String A = ENTITIES.a;
    private static final String B = ENTITIES.b;

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StringRedisTemplate redis;

    Api api;
    /** Admin of A only, of B only, and of both (who must name one). */
    Api adminA;
    Api adminB;
    Api adminOfBoth;

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
        adminA = api.as(ENTITIES.tokenOfA());
        adminB = api.as(ENTITIES.tokenOfB());
        adminOfBoth = api.as(ENTITIES.tokenOfBoth());
    }

    private static String create(Api admin, String lastName) {
        var created = admin.post("/api/users", member("Iso", lastName, unique("iso")));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/id");
    }

    private static List<String> ids(Api admin, String q) {
        var page = admin.get("/api/users?size=100&q=" + q);
        assertThat(page.status()).isEqualTo(200);
        return page.json().at("/content").findValuesAsString("id");
    }

    /** The body of a 404, with the id it names replaced: so that two 404s can be compared whole. */
    private static String notFound(Api.Response response, String id) {
        assertThat(response.status()).isEqualTo(404);
        return response.body().replace(id, "<id>");
    }

    @Test
    void anotherEntitysMemberIsNeitherListedNorFoundNorChangedNorDeleted() {
        String marker = "Marker" + RUN;
        String ofA = create(adminA, marker);
        String ofB = create(adminB, marker);
        // Cached in A first: a cache key without the entity would then answer B's reads with A's data.
        assertThat(ids(adminA, marker)).containsExactly(ofA);
        assertThat(adminA.get("/api/users/" + ofA).status()).isEqualTo(200);

        assertThat(ids(adminB, marker)).containsExactly(ofB);
        assertThat(ids(adminOfBoth.with("X-Entity", A), marker)).containsExactly(ofA);
        assertThat(adminA.get("/api/users?size=100").json().at("/content").findValuesAsString("id"))
                .contains(ofA).doesNotContain(ofB);

        String unknown = UUID.randomUUID().toString();
        Map<String, Object> change = member("Iso", "Changed", unique("iso"));
        change.put("version", 0);
        String unknownGet = notFound(adminA.get("/api/users/" + unknown), unknown);
        assertThat(notFound(adminA.get("/api/users/" + ofB), ofB)).isEqualTo(unknownGet);
        assertThat(notFound(adminB.get("/api/users/" + ofA), ofA)).isEqualTo(unknownGet);
        assertThat(notFound(adminA.put("/api/users/" + ofB, change), ofB))
                .isEqualTo(notFound(adminA.put("/api/users/" + unknown, change), unknown));
        assertThat(notFound(adminA.delete("/api/users/" + ofB), ofB))
                .isEqualTo(notFound(adminA.delete("/api/users/" + unknown), unknown));

        var untouched = adminB.get("/api/users/" + ofB);
        assertThat(untouched.at("/lastName")).isEqualTo(marker);
        assertThat(untouched.at("/version")).isEqualTo("0");
    }

    @Test
    void anEmailAddressIsUniqueWithinOneEntityOnly() {
        String email = unique("shared");

        assertThat(adminA.post("/api/users", member("Same", "Address", email)).status()).isEqualTo(201);
        assertThat(adminB.post("/api/users", member("Same", "Address", email)).status()).isEqualTo(201);
        assertThat(adminA.post("/api/users", member("Again", "Address", email.toUpperCase())).status())
                .isEqualTo(409);
        String other = create(adminB, "Other");
        Map<String, Object> steal = member("Iso", "Other", email);
        steal.put("version", 0);
        assertThat(adminB.put("/api/users/" + other, steal).status()).isEqualTo(409);
    }

    @Test
    void aNewMembersEntityIsTheHeadersNotTheBodys() {
        Map<String, Object> body = member("Body", "Entity", unique("body"));
        body.put("entityId", B);

        var created = adminOfBoth.with("X-Entity", A).post("/api/users", body);

        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(mongo.findById(id, Member.class).entityId()).isEqualTo(A);
        assertThat(adminA.get("/api/users/" + id).status()).isEqualTo(200);
        assertThat(adminB.get("/api/users/" + id).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                TestEvents.eventsOf(redis, Streams.USERS, id)).singleElement()
                .extracting(EventEnvelope::entityId).isEqualTo(A));
    }

    @Test
    void aForeignEntityIs403AndNoEntityNamedBySomeoneOfTwoIs400ListingBoth() {
        var foreign = adminA.with("X-Entity", B).get("/api/users");
        var unnamed = adminOfBoth.get("/api/users");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.contentType()).startsWith("application/problem+json");
        assertThat(unnamed.json().at("/entities").valueStream().map(entity -> entity.asString()))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void aMemberWrittenBeforeEntitiesBelongsToTheDefaultEntityOnceMigrated() {
        String id = UUID.randomUUID().toString();
        String lastName = "Legacy" + RUN;
        Date now = Date.from(Instant.now());
        mongo.insert(new Document("_id", id).append("firstName", "Old").append("lastName", lastName)
                .append("email", unique("legacy")).append("balanceSeq", 0L).append("createdAt", now)
                .append("updatedAt", now).append("version", 0L).append("deleted", false)
                .append("outbox", List.of()), Member.COLLECTION);

        new MemberReferences(mongo).afterPropertiesSet(); // as at start: references first, then the entity
        DefaultEntityMigration.migrate(mongo);

        Api admin = api.as(Tokens.admin());
        assertThat(admin.get("/api/users/" + id).at("/lastName")).isEqualTo(lastName);
        assertThat(ids(admin, lastName)).containsExactly(id);
        assertThat(adminA.get("/api/users/" + id).status()).isEqualTo(404);
        assertThat(ids(adminA, lastName)).isEmpty();
    }
}
