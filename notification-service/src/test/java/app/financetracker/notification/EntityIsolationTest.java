package app.financetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.entity.DefaultEntityMigration;
import app.financetracker.notification.feed.Notification;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.SseClient;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import app.financetracker.testkit.TwoEntities;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The feeds of two entities (DESIGN §9): lists, unread counts, read marks and live streams of one never show or
 * touch the other's notifications.
 */
@ServiceIntegrationTest
class EntityIsolationTest {

    private static final TwoEntities ENTITIES = new TwoEntities("feed");
    private static final String A = ENTITIES.a;
    private static final String B = ENTITIES.b;

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    Api api;
    String tokenA;
    String tokenB;
    Api adminA;
    Api adminB;

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
        tokenA = ENTITIES.tokenOfA();
        tokenB = ENTITIES.tokenOfB();
        adminA = api.as(tokenA);
        adminB = api.as(tokenB);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** A transaction event of {@code entityId}, as transaction-service would publish it. */
    private void publishTransaction(String entityId, String transactionId, String memberName) {
        EventEnvelope event = TestEvents.transaction(EventTypes.TRANSACTION_CREATED, transactionId, 0, id(),
                memberName, "DEBT", "42", null, null, LocalDate.of(2026, 3, 1));
        TestEvents.publishTransaction(redis, in(entityId, event));
    }

    private static EventEnvelope in(String entityId, EventEnvelope event) {
        return EventEnvelope.create(entityId, event.type(), event.aggregateId(), event.aggregateVersion(),
                event.payload());
    }

    private static List<String> transactionIds(Api reader) {
        var feed = reader.get("/api/notifications?size=100");
        assertThat(feed.status()).isEqualTo(200);
        return feed.json().at("/content").findValuesAsString("transactionId");
    }

    private static long total(Api reader) {
        return reader.get("/api/notifications").json().at("/page/totalElements").asLong();
    }

    private static long unread(Api reader) {
        return reader.get("/api/notifications/unread-count").json().at("/count").asLong();
    }

    @Test
    void anotherEntitysNotificationsAreNeitherListedNorCountedNorMarkedRead() {
        String a1 = id();
        String a2 = id();
        String b1 = id();
        publishTransaction(A, a1, "Member Of A");
        publishTransaction(B, b1, "Member Of B");
        TestEvents.publish(redis, Streams.USERS, in(A, TestEvents.memberCreated(id(), "Member", "OfA")));
        publishTransaction(A, a2, "Member Of A");

        await().atMost(Duration.ofSeconds(10)).until(() -> total(adminA) == 3 && total(adminB) == 1);
        assertThat(transactionIds(adminA)).contains(a1, a2).doesNotContain(b1);
        assertThat(transactionIds(adminB)).contains(b1).doesNotContain(a1, a2);
        assertThat(unread(adminA)).isEqualTo(3);
        assertThat(unread(adminB)).isEqualTo(1);
        Notification ofB = mongo.findById(adminB.get("/api/notifications").at("/content/0/id"), Notification.class);
        assertThat(ofB.entityId()).isEqualTo(B);

        String unknown = id();
        var foreign = adminA.post("/api/notifications/" + ofB.id() + "/read", null);
        var missing = adminA.post("/api/notifications/" + unknown + "/read", null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().replace(ofB.id(), "<id>")).isEqualTo(missing.body().replace(unknown, "<id>"));
        assertThat(adminA.post("/api/notifications/read-all", null).status()).isEqualTo(204);

        assertThat(unread(adminA)).isZero();
        assertThat(unread(adminB)).isEqualTo(1);
        assertThat(mongo.findById(ofB.id(), Notification.class).readBy()).isEmpty();
    }

    @Test
    void aLiveStreamCarriesOnlyItsOwnEntitysNotificationsLiveAndOnReconnect() {
        String since = Long.toString(Instant.now().minusSeconds(1).toEpochMilli());
        String stream = "http://localhost:" + port + "/api/notifications/stream";
        String b1 = id();
        String a1 = id();
        String b2 = id();
        List<String> seenByA = new CopyOnWriteArrayList<>();
        List<String> seenByB = new CopyOnWriteArrayList<>();
        try (SseClient streamA = SseClient.connect(stream, tokenA, null);
             SseClient streamB = SseClient.connect(stream, tokenB, null)) {
            publishTransaction(B, b1, "Member Of B");
            publishTransaction(A, a1, "Member Of A");
            publishTransaction(B, b2, "Member Of B");

            // Delivered in publishing order: once A's arrived, B's first was sent to whoever should have it.
            streamA.await(event -> seenByA.add(event.data()) && event.data().contains(a1), Duration.ofSeconds(10));
            streamB.await(event -> seenByB.add(event.data()) && event.data().contains(b2), Duration.ofSeconds(10));
        }
        assertThat(seenByA).noneMatch(data -> data.contains(b1) || data.contains(b2));
        assertThat(seenByB).anyMatch(data -> data.contains(b1)).noneMatch(data -> data.contains(a1));

        // What a reconnecting browser of A missed is A's alone (B's came first, in storage order).
        List<String> missedByA = new CopyOnWriteArrayList<>();
        try (SseClient reconnected = SseClient.connect(stream, tokenA, since)) {
            reconnected.await(event -> missedByA.add(event.data()) && event.data().contains(a1),
                    Duration.ofSeconds(10));
        }
        assertThat(missedByA).noneMatch(data -> data.contains(b1));
    }

    @Test
    void aForeignEntityIs403AndNoEntityNamedBySomeoneOfTwoIs400ListingBoth() {
        var foreign = adminA.with("X-Entity", B).get("/api/notifications/unread-count");
        var unnamed = api.as(ENTITIES.tokenOfBoth()).get("/api/notifications");

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().at("/entities").valueStream().map(entity -> entity.asString()))
                .containsExactlyInAnyOrder(A, B);
    }

    @Test
    void aNotificationWrittenBeforeEntitiesBelongsToTheDefaultEntityOnceMigrated() {
        String id = id();
        String memberId = id();
        mongo.insert(new Document("_id", id).append("type", EventTypes.USER_CREATED).append("memberName", "Old Member")
                .append("userId", memberId).append("createdAt", Date.from(Instant.now()))
                .append("readBy", List.of()), Notification.COLLECTION);

        DefaultEntityMigration.migrate(mongo);

        Api admin = api.as(Tokens.admin());
        assertThat(admin.get("/api/notifications?size=100").json().at("/content").findValuesAsString("id"))
                .contains(id);
        assertThat(admin.post("/api/notifications/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(adminA.get("/api/notifications?size=100").json().at("/content").findValuesAsString("id"))
                .doesNotContain(id);
    }
}
