package app.financetracker.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class FeedTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    Api api;
    Api admin;

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
        admin = api.as(Tokens.admin());
    }

    private List<JsonNode> entriesFor(Api reader, String memberId) {
        var feed = reader.get("/api/notifications?size=100");
        assertThat(feed.status()).isEqualTo(200);
        return feed.json().at("/content").valueStream()
                .filter(entry -> memberId.equals(entry.at("/userId").asString()))
                .toList();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    void newMemberBecomesOneUnreadNotificationEvenWhenDeliveredTwice() {
        String memberId = id();
        EventEnvelope event = TestEvents.memberCreated(memberId, "Lucas", "Dupont");

        TestEvents.publish(redis, Streams.USERS, event);
        TestEvents.publish(redis, Streams.USERS, event);
        String laterMember = id();
        TestEvents.publish(redis, Streams.USERS, TestEvents.memberCreated(laterMember, "Emma", "Peeters"));

        // Once the later event is in the feed, both copies of the first one have been consumed.
        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, laterMember).size() == 1);
        List<JsonNode> entries = entriesFor(admin, memberId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).at("/message").asString()).isEqualTo("New member: Lucas Dupont");
        assertThat(entries.get(0).at("/type").asString()).isEqualTo("UserCreated");
        assertThat(entries.get(0).at("/read").asBoolean()).isFalse();
    }

    @Test
    void everyTransactionChangeIsOneNotificationLinkedToTheTransaction() {
        String memberId = id();
        String transactionId = id();
        for (var event : List.of(
                TestEvents.transaction(EventTypes.TRANSACTION_CREATED, transactionId, 0, memberId, "Noah Janssens",
                        "RECEIVABLE", "300", null, null, LocalDate.of(2026, 3, 1)),
                TestEvents.transaction(EventTypes.TRANSACTION_UPDATED, transactionId, 1, memberId, "Noah Janssens",
                        "RECEIVABLE", "320.5", null, null, LocalDate.of(2026, 3, 1)),
                TestEvents.transaction(EventTypes.TRANSACTION_DELETED, transactionId, 2, memberId, "Noah Janssens",
                        "RECEIVABLE", "320.5", null, null, LocalDate.of(2026, 3, 1)))) {
            TestEvents.publishTransaction(redis, event);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, memberId).size() == 3);
        assertThat(entriesFor(admin, memberId)).allSatisfy(entry ->
                assertThat(entry.at("/transactionId").asString()).isEqualTo(transactionId));
        assertThat(entriesFor(admin, memberId)).extracting(entry -> entry.at("/message").asString())
                .containsExactlyInAnyOrder("Receivable of €300.00 recorded for Noah Janssens",
                        "Receivable of €320.50 changed for Noah Janssens",
                        "Receivable of €320.50 deleted for Noah Janssens");
    }

    @Test
    void messagesFollowTheReadersLanguage() {
        String memberId = id();
        TestEvents.publishTransaction(redis, TestEvents.transaction(EventTypes.TRANSACTION_CREATED, id(), 0, memberId,
                "Zoë Claes", "COLLECTED", "12.5", null, null, LocalDate.of(2026, 3, 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, memberId).size() == 1);

        String message = entriesFor(admin.with("Accept-Language", "fr-BE"), memberId).get(0).at("/message").asString()
                .replaceAll("\\h", " "); // French formats put (narrow) no-break spaces around the amount

        assertThat(message).isEqualTo("Transaction enregistrée pour Zoë Claes : Argent récolté de 12,50 €");
    }

    @Test
    void eventOfAnUnknownTypeIsIgnoredAndConsumptionGoesOn() {
        String memberId = id();
        TestEvents.publish(redis, Streams.USERS, EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "UserPromoted",
                memberId, 1, "{}"));
        String next = id();
        TestEvents.publish(redis, Streams.USERS, TestEvents.memberCreated(next, "Noah", "Janssens"));

        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, next).size() == 1);
        assertThat(entriesFor(admin, memberId)).isEmpty();
    }

    @Test
    void transactionEventWithoutAnAmountIsDeadLetteredNotNotified() {
        // Found by the fault simulation: balances and reports refused it, the feed announced it.
        String memberId = id();
        String transactionId = id();
        EventEnvelope noAmount = EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED,
                transactionId, 0, "{\"id\":\"" + transactionId + "\",\"userId\":\"" + memberId
                        + "\",\"userName\":\"No Amount\",\"type\":\"DEBT\",\"date\":\"2026-03-01\"}");
        TestEvents.publishTransaction(redis, noAmount);
        String next = id();
        TestEvents.publish(redis, Streams.USERS, TestEvents.memberCreated(next, "After", "Poison"));

        await().atMost(Duration.ofSeconds(10)).until(() -> TestEvents.entries(redis, Streams.deadLetter(Streams.TRANSACTIONS))
                .stream().anyMatch(entry -> noAmount.eventId().equals(entry.get("eventId"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, next).size() == 1);
        assertThat(entriesFor(admin, memberId)).isEmpty();
    }

    @Test
    void readStateIsEachAdminsOwn() {
        Tokens.ensureUser("second-admin", "Second@1234", List.of("admin"));
        Api second = api.as(Tokens.password("second-admin", "Second@1234"));
        String memberId = id();
        TestEvents.publish(redis, Streams.USERS, TestEvents.memberCreated(memberId, "Read", "State"));
        await().atMost(Duration.ofSeconds(5)).until(() -> entriesFor(admin, memberId).size() == 1);
        String notification = entriesFor(admin, memberId).get(0).at("/id").asString();
        long mine = admin.get("/api/notifications/unread-count").json().at("/count").asLong();
        long theirs = second.get("/api/notifications/unread-count").json().at("/count").asLong();

        assertThat(admin.post("/api/notifications/" + notification + "/read", null).status()).isEqualTo(204);

        assertThat(admin.get("/api/notifications/unread-count").json().at("/count").asLong()).isEqualTo(mine - 1);
        assertThat(second.get("/api/notifications/unread-count").json().at("/count").asLong()).isEqualTo(theirs);
        assertThat(entriesFor(admin, memberId).get(0).at("/read").asBoolean()).isTrue();
        assertThat(entriesFor(second, memberId).get(0).at("/read").asBoolean()).isFalse();

        assertThat(second.post("/api/notifications/read-all", null).status()).isEqualTo(204);
        assertThat(second.get("/api/notifications/unread-count").json().at("/count").asLong()).isZero();
        assertThat(admin.post("/api/notifications/unknown/read", null).status()).isEqualTo(404);
    }
}
