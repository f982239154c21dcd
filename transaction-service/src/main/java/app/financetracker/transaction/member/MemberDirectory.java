package app.financetracker.transaction.member;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.projection.VersionedProjection;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This service's own view of the members, built from {@code events:users} (it never reads user-service's
 * data): who exists, in which entity, under which name. A deleted member takes their transactions along, so that
 * balances, feed and reports all follow: the ledger does that on {@link MemberChanged} (it depends on this
 * package, not the other way round). A member belongs to the entity of their events; an event of another entity
 * for a known member is a defect and is ignored (DESIGN §9).
 */
@Component
public class MemberDirectory implements StreamEventHandler<UserPayload>, InitializingBean {

    static final String COLLECTION = "members";
    private static final String ENTITY = "entityId";
    private static final Logger log = LoggerFactory.getLogger(MemberDirectory.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    MemberDirectory(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    @Override
    public void afterPropertiesSet() {
        VersionedProjection.ensureIndex(mongo, COLLECTION);
    }

    /**
     * The display name of the entity's member, unless unknown, deleted or another entity's (found by {@code _id}
     * alone: never a scan).
     */
    public Optional<String> displayName(String entityId, String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, COLLECTION))
                .filter(member -> entityId.equals(member.getString(ENTITY)) && !member.getBoolean("deleted", false))
                .map(member -> member.getString("displayName"));
    }

    @Override
    public Subscription<UserPayload> subscription() {
        return Subscription.to(Streams.USERS, EventTypes.MEMBER_EVENTS, UserPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, UserPayload member) {
        Document known = mongo.findById(event.aggregateId(), Document.class, COLLECTION);
        if (known != null && !event.entityId().equals(known.getString(ENTITY))) {
            log.warn("Ignored {} of member {}: it names entity {}, the member belongs to {}", event.type(),
                    event.aggregateId(), event.entityId(), known.getString(ENTITY));
            return;
        }
        boolean deleted = event.type().equals(EventTypes.USER_DELETED);
        Update update = new Update().set(ENTITY, event.entityId()).set("displayName", member.displayName())
                .set("deleted", deleted);
        VersionedProjection.applyIfNewer(mongo, COLLECTION, event.aggregateId(), event.aggregateVersion(), update);
        // Done on every delivery, not only the first: a retry after a failure half-way completes the work.
        // Listeners run in this thread: one that fails leaves the event pending for that retry.
        if (isCurrent(event.aggregateId(), event.aggregateVersion())) {
            events.publishEvent(new MemberChanged(event.entityId(), event.aggregateId(), member.displayName(), deleted));
        }
    }

    private boolean isCurrent(String memberId, long version) {
        return mongo.exists(Query.query(Criteria.where("_id").is(memberId).and(VersionedProjection.VERSION).is(version)),
                COLLECTION);
    }
}
