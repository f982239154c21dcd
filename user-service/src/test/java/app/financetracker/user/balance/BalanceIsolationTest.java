package app.financetracker.user.balance;

import static app.financetracker.testkit.TestEvents.publishTransaction;
import static app.financetracker.testkit.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A member's balance depends on their own entity's transactions only (DESIGN §9): an event of another entity that
 * names the member, or reuses one of their transactions' ids, is ignored, and the stream goes on. Each test ends with
 * an event of the member's own entity: once its amount is in the balance, the foreign event before it was consumed.
 */
@ServiceIntegrationTest
class BalanceIsolationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String A = "iso-a-" + RUN;
    private static final String B = "iso-b-" + RUN;
    private static final String USER = "iso-balance-" + RUN;
    private static final String PASSWORD = "Isolation@1234";
    private static boolean userMade;

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    Api adminA;

    @BeforeEach
    void setUp() {
        if (!userMade) {
            Tokens.ensureUser(USER, PASSWORD, Map.of(A, "admin"));
            userMade = true;
        }
        adminA = Api.at("http://localhost:" + port).as(Tokens.password(USER, PASSWORD));
    }

    private String newMemberOfA() {
        var created = adminA.post("/api/users", Map.of("firstName", "Iso", "lastName", "Balance",
                "email", "iso-" + UUID.randomUUID() + "@example.com"));
        assertThat(created.status()).isEqualTo(201);
        return created.at("/id");
    }

    /** The test kit's transaction event, in {@code entityId}. */
    private static EventEnvelope in(String entityId, String type, String id, long version, String member,
                                    String kind, String amount) {
        EventEnvelope event = transaction(type, id, version, member, kind, amount);
        return EventEnvelope.create(entityId, event.type(), event.aggregateId(), event.aggregateVersion(),
                event.payload());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private void awaitReceivables(String member, String receivables) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                adminA.get("/api/users/" + member).json().at("/balance/receivables").decimalValue())
                .isEqualByComparingTo(receivables));
    }

    @Test
    void aTransactionOfAnotherEntityNamingTheMemberIsIgnored() {
        String member = newMemberOfA();
        String foreign = id();

        publishTransaction(redis, in(B, EventTypes.TRANSACTION_CREATED, foreign, 0, member, "RECEIVABLE", "500"));
        publishTransaction(redis, in(A, EventTypes.TRANSACTION_CREATED, id(), 0, member, "RECEIVABLE", "7"));

        awaitReceivables(member, "7");
        assertThat(mongo.findById(foreign, Document.class, BalanceProjection.ENTRIES)).isNull();
    }

    @Test
    void anotherEntitysEventForOneOfTheMembersTransactionsIsIgnored() {
        String member = newMemberOfA();
        String transaction = id();
        publishTransaction(redis, in(A, EventTypes.TRANSACTION_CREATED, transaction, 0, member, "RECEIVABLE", "10"));
        awaitReceivables(member, "10");

        // Entity B "moves" A's transaction to a member B does not have, then deletes it.
        publishTransaction(redis, in(B, EventTypes.TRANSACTION_UPDATED, transaction, 1, id(), "RECEIVABLE", "999"));
        publishTransaction(redis, in(B, EventTypes.TRANSACTION_DELETED, transaction, 2, member, "RECEIVABLE", "999"));
        publishTransaction(redis, in(A, EventTypes.TRANSACTION_CREATED, id(), 0, member, "RECEIVABLE", "1"));

        awaitReceivables(member, "11");
        Document entry = mongo.findById(transaction, Document.class, BalanceProjection.ENTRIES);
        assertThat(entry.getString("entityId")).isEqualTo(A);
        assertThat(entry.get("version", Number.class).longValue()).isZero();
    }

    @Test
    void aContributionOfAnotherEntityInTheMembersBookIsNotSummed() {
        String member = newMemberOfA();
        // As a defect would have left it: B's transaction booked to A's member.
        mongo.upsert(Query.query(Criteria.where("_id").is(member)), new Update().set("entries." + id(),
                new Document("version", 0L).append("type", "RECEIVABLE")
                        .append("amount", new Decimal128(new BigDecimal("1000"))).append("live", true)
                        .append("entityId", B)), BalanceProjection.BOOKS);

        publishTransaction(redis, in(A, EventTypes.TRANSACTION_CREATED, id(), 0, member, "RECEIVABLE", "3"));

        awaitReceivables(member, "3");
    }
}
