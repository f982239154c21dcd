package app.financetracker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.TestEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Members as user-service announces them, and transactions as the console sends them. */
public final class TransactionTestSupport {

    private TransactionTestSupport() {
    }

    /** Announces a new member of the default entity on {@code events:users} and waits until this service knows them. */
    public static String knownMember(StringRedisTemplate redis, MongoTemplate mongo, String firstName, String lastName) {
        return knownMember(redis, mongo, EventEnvelope.DEFAULT_ENTITY, firstName, lastName);
    }

    /** Announces a new member of {@code entityId} on {@code events:users} and waits until this service knows them. */
    public static String knownMember(StringRedisTemplate redis, MongoTemplate mongo, String entityId, String firstName,
                                     String lastName) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(redis, Streams.USERS, inEntity(entityId, TestEvents.memberCreated(id, firstName, lastName)));
        await().atMost(Duration.ofSeconds(5)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(id)), "members"));
        return id;
    }

    /** The event as a producer in {@code entityId} would have written it. */
    public static EventEnvelope inEntity(String entityId, EventEnvelope event) {
        return EventEnvelope.create(entityId, event.type(), event.aggregateId(), event.aggregateVersion(),
                event.payload());
    }

    public static Map<String, Object> transaction(String userId, String type, Object amount, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        body.put("type", type);
        body.put("amount", amount);
        body.put("date", date);
        body.put("description", type.toLowerCase() + " " + amount);
        return body;
    }

    public static String create(Api admin, Map<String, Object> body) {
        var created = admin.post("/api/transactions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }
}
