package app.financetracker.kit.outbox;

import app.financetracker.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes the events that aggregates carry in their {@code outbox} array with XADD, then pulls them out
 * of the document. It runs on one thread: right after a write, for the aggregate named in
 * {@link #wakeUp(String, Object)} (found by {@code _id}), and on a slower poll over whole collections that catches
 * whatever a wake-up missed (a crash between the write and the wake-up, Redis down at that moment). The poll is
 * the only query that scans, and the embedded Mongo server scans for anything but {@code _id}, so it must not run
 * per write. Redis down means events wait in Mongo and are published when it is back. Several instances may
 * publish the same event twice; consumers are idempotent (DESIGN §3), so at-least-once is enough here.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final StringRedisTemplate redis;
    private final List<OutboxSource> sources;
    private final Duration pollInterval;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Queue<Woken> woken = new ConcurrentLinkedQueue<>();
    private ScheduledExecutorService executor;

    private record Woken(String collection, Object id) {
    }

    public OutboxRelay(MongoTemplate mongo, StringRedisTemplate redis, List<OutboxSource> sources, Duration pollInterval) {
        this.mongo = mongo;
        this.redis = redis;
        this.sources = sources;
        this.pollInterval = pollInterval;
    }

    /** Asks for the aggregate just written to be published soon; wake-ups queued meanwhile go in one pass. */
    public void wakeUp(String collection, Object id) {
        if (executor == null) {
            return;
        }
        woken.add(new Woken(collection, id));
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::publishWoken);
        }
    }

    private void publishWoken() {
        scheduled.set(false);
        for (Woken next = woken.poll(); next != null; next = woken.poll()) {
            Woken aggregate = next;
            sources.stream().filter(source -> source.collection().equals(aggregate.collection())).findFirst()
                    .ifPresent(source -> {
                        try {
                            Document document = mongo.findById(aggregate.id(), Document.class, source.collection());
                            if (document != null && !document.getList(Outbox.FIELD, Document.class, List.of()).isEmpty()) {
                                publish(source, document);
                            }
                        } catch (RuntimeException e) {
                            log.warn("Outbox of {} stays pending until the next poll: {}", aggregate.id(), e.getMessage());
                        }
                    });
        }
    }

    private void drainSafely() {
        try {
            while (drain() == BATCH) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay paused, events stay pending until the next attempt: {}", e.getMessage());
        }
    }

    /** Publishes one batch per source; returns how many documents it handled. */
    int drain() {
        int handled = 0;
        for (OutboxSource source : sources) {
            Query pending = Query.query(Criteria.where(Outbox.FIELD + ".0").exists(true)).limit(BATCH);
            for (Document aggregate : mongo.find(pending, Document.class, source.collection())) {
                publish(source, aggregate);
                handled++;
            }
        }
        return handled;
    }

    private void publish(OutboxSource source, Document aggregate) {
        List<Document> events = aggregate.getList(Outbox.FIELD, Document.class);
        List<String> published = events.stream()
                .map(event -> {
                    EventEnvelope envelope = toEnvelope(event);
                    redis.opsForStream().add(StreamRecords.string(envelope.toFields()).withStreamKey(source.stream()));
                    return envelope.eventId();
                })
                .toList();
        Object id = aggregate.get("_id");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(Outbox.FIELD, new Document("eventId", new Document("$in", published))),
                source.collection());
        if (Boolean.TRUE.equals(aggregate.getBoolean(Outbox.DELETED_FIELD))) {
            mongo.remove(Query.query(Criteria.where("_id").is(id).and(Outbox.DELETED_FIELD).is(true)
                    .and(Outbox.FIELD + ".0").exists(false)), source.collection());
        }
    }

    private static EventEnvelope toEnvelope(Document event) {
        Object occurredAt = event.get("occurredAt");
        Instant instant = occurredAt instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(occurredAt));
        return new EventEnvelope(event.getString("eventId"), event.getString("type"), event.getString("aggregateId"),
                ((Number) event.get("aggregateVersion")).longValue(), instant, event.getString("payload"),
                event.getString("entityId"), event.getString("traceparent"));
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drainSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
