package app.financetracker.notification.feed;

import app.financetracker.kit.web.NotFoundException;
import app.financetracker.kit.web.PageResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The feed: stores one notification per event, tells the application about each new one (the live feed pushes
 * it to open browsers), and keeps each admin's read state. Every read and change acts in one entity (DESIGN §9):
 * another entity's notification is not found, exactly as an id that does not exist.
 */
@Service
public class FeedService {

    private static final String ENTITY = "entityId";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"));

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final Duration retention;

    FeedService(MongoTemplate mongo, ApplicationEventPublisher events,
                @Value("${finance.notifications.retention:90d}") Duration retention) {
        this.mongo = mongo;
        this.events = events;
        this.retention = retention;
    }

    /** Notifications older than the retention period are removed by Mongo itself (a TTL index). */
    @EventListener(ApplicationReadyEvent.class)
    void retentionIndex() {
        mongo.indexOps(Notification.COLLECTION).createIndex(new Index().on("createdAt", Sort.Direction.ASC)
                .named("retention").expire(retention.toSeconds(), TimeUnit.SECONDS));
    }

    /** Stores the notification unless its event was seen before; only a new one is announced (NotificationRecorded). */
    public void record(Notification notification) {
        try {
            mongo.insert(notification);
        } catch (DuplicateKeyException seenBefore) {
            return;
        }
        events.publishEvent(new NotificationRecorded(notification));
    }

    PageResponse<Notification> page(String entityId, int page, int size) {
        Query query = Query.query(inEntity(entityId));
        long total = mongo.count(query, Notification.class);
        PageRequest request = PageRequest.of(page, size, NEWEST_FIRST);
        List<Notification> content = mongo.find(query.with(request), Notification.class);
        return PageResponse.of(new PageImpl<>(content, request, total));
    }

    /** The entity's notifications stored after {@code since}, oldest first: what a reconnecting stream missed. */
    public List<Notification> after(String entityId, Instant since) {
        return mongo.find(Query.query(inEntity(entityId).and("createdAt").gte(since))
                .with(Sort.by("createdAt", "_id")).limit(500), Notification.class);
    }

    long unread(String entityId, String reader) {
        return mongo.count(Query.query(inEntity(entityId).and("readBy").ne(reader)), Notification.class);
    }

    void markRead(String entityId, String id, String reader) {
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(ENTITY).is(entityId)),
                new Update().addToSet("readBy", reader), Notification.class).getMatchedCount() == 0) {
            throw new NotFoundException("Notification", id);
        }
    }

    void markAllRead(String entityId, String reader) {
        mongo.updateMulti(Query.query(inEntity(entityId).and("readBy").ne(reader)),
                new Update().addToSet("readBy", reader), Notification.class);
    }

    private static Criteria inEntity(String entityId) {
        return Criteria.where(ENTITY).is(entityId);
    }

}
