package app.financetracker.report;

import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.testkit.TestEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.redis.connection.stream.StreamInfo;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Test double of transaction-service: publishes transaction events as it would, and remembers the latest
 * state of each transaction so that tests can compute expected figures on their own, without the service. All of
 * one ledger's transactions are of one entity (the default one unless told).
 */
public final class Ledger {

    /** A transaction as its latest event left it. */
    public record Tx(String id, long version, String userId, String type, BigDecimal amount, String categoryId,
                     String categoryName, LocalDate date, boolean deleted) {
    }

    private final StringRedisTemplate redis;
    private final String entityId;
    private final Map<String, Tx> latest = new LinkedHashMap<>();

    public Ledger(StringRedisTemplate redis) {
        this(redis, EventEnvelope.DEFAULT_ENTITY);
    }

    public Ledger(StringRedisTemplate redis, String entityId) {
        this.redis = redis;
        this.entityId = entityId;
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public EventEnvelope event(String eventType, Tx tx) {
        return EventEnvelope.create(entityId, eventType, tx.id(), tx.version(), EventCodec.write(new TransactionPayload(tx.id(),
                tx.userId(), null, tx.type(), tx.amount(), tx.categoryId(), tx.categoryName(), tx.date(), "test")));
    }

    /** Publishes a new transaction (version 0). */
    public Tx create(String userId, String type, String amount, String categoryId, String categoryName,
                     LocalDate date) {
        Tx tx = new Tx(id(), 0, userId, type, new BigDecimal(amount), categoryId, categoryName, date, false);
        publish(EventTypes.TRANSACTION_CREATED, tx);
        return tx;
    }

    /** Publishes the next version of a transaction. */
    public Tx update(Tx before, String userId, String type, String amount, String categoryId, String categoryName,
                     LocalDate date) {
        Tx tx = new Tx(before.id(), before.version() + 1, userId, type, new BigDecimal(amount), categoryId,
                categoryName, date, false);
        publish(EventTypes.TRANSACTION_UPDATED, tx);
        return tx;
    }

    public Tx delete(Tx before) {
        Tx tx = new Tx(before.id(), before.version() + 1, before.userId(), before.type(), before.amount(),
                before.categoryId(), before.categoryName(), before.date(), true);
        publish(EventTypes.TRANSACTION_DELETED, tx);
        return tx;
    }

    public void publish(String eventType, Tx tx) {
        publishOnly(event(eventType, tx));
        latest.merge(tx.id(), tx, (old, now) -> now.version() > old.version() ? now : old);
    }

    public void publishOnly(EventEnvelope event) {
        TestEvents.publish(redis, Streams.TRANSACTIONS, event);
    }

    /** The live transactions (latest versions, deletions left out) that match. */
    public Collection<Tx> live(Predicate<Tx> filter) {
        return latest.values().stream().filter(tx -> !tx.deleted()).filter(filter).toList();
    }

    /** The sum of the amounts of one type among the live transactions that match. */
    public BigDecimal sum(String type, Predicate<Tx> filter) {
        return live(filter).stream().filter(tx -> tx.type().equals(type)).map(Tx::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Predicate<Tx> between(LocalDate from, LocalDate to) {
        return tx -> !tx.date().isBefore(from) && !tx.date().isAfter(to);
    }

    /** Waits until report-service has handled, and acknowledged, every entry of the stream so far. */
    public static void awaitConsumed(StringRedisTemplate redis, String stream) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String last = redis.opsForStream().info(stream).lastGeneratedId();
            for (StreamInfo.XInfoGroup group : redis.opsForStream().groups(stream)) {
                if (group.groupName().equals("report-service")) {
                    return group.lastDeliveredId().equals(last) && group.pendingCount() == 0;
                }
            }
            return false;
        });
    }

    public void awaitConsumed() {
        awaitConsumed(redis, Streams.TRANSACTIONS);
    }
}
