package app.financetracker.transaction.member;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The member projection: renames reach the rows, a deleted member takes their transactions along. */
@ServiceIntegrationTest
class MemberDirectoryTest {

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

    @Test
    void renamedMemberIsRenamedOnEveryRow() {
        String member = knownMember(redis, mongo, "Old", "Name");
        String transaction = create(admin, transaction(member, "RECEIVABLE", 5, "2026-01-05"));

        TestEvents.publish(redis, Streams.USERS, TestEvents.member(EventTypes.USER_UPDATED, member, 1, "New", "Name"));

        await().atMost(Duration.ofSeconds(5)).until(() ->
                "New Name".equals(admin.get("/api/transactions/" + transaction).at("/userName")));
    }

    @Test
    void olderEventDoesNotUndoANewerOne() {
        String member = knownMember(redis, mongo, "Late", "Event");
        TestEvents.publish(redis, Streams.USERS, TestEvents.member(EventTypes.USER_UPDATED, member, 2, "Newest", "Event"));
        TestEvents.publish(redis, Streams.USERS, TestEvents.member(EventTypes.USER_UPDATED, member, 1, "Older", "Event"));
        String marker = knownMember(redis, mongo, "Marker", "Event");

        String transaction = create(admin, transaction(member, "DEBT", 1, "2026-01-05"));

        assertThat(marker).isNotBlank();
        assertThat(admin.get("/api/transactions/" + transaction).at("/userName")).isEqualTo("Newest Event");
    }

    @Test
    void deletedMemberTakesTheirTransactionsAlongWithTombstones() {
        String member = knownMember(redis, mongo, "Leaving", "Member");
        String first = create(admin, transaction(member, "RECEIVABLE", 10, "2026-01-05"));
        String second = create(admin, transaction(member, "COLLECTED", 4, "2026-01-06"));

        TestEvents.publish(redis, Streams.USERS, TestEvents.member(EventTypes.USER_DELETED, member, 1, "Leaving", "Member"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(admin.get("/api/transactions?userId=" + member).json().at("/page/totalElements").asLong()).isZero();
            assertThat(TestEvents.eventsOf(redis, Streams.TRANSACTIONS, first)).extracting(EventEnvelope::type)
                    .containsExactly("TransactionCreated", "TransactionDeleted");
            assertThat(TestEvents.eventsOf(redis, Streams.TRANSACTIONS, second)).extracting(EventEnvelope::type)
                    .containsExactly("TransactionCreated", "TransactionDeleted");
        });
        var refused = admin.post("/api/transactions", transaction(member, "DEBT", 1, "2026-01-07"));
        assertThat(refused.status()).isEqualTo(422);
    }
}
