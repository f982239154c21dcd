package app.financetracker.report.ledger;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Member names for reports, from {@code events:users}. A deleted member keeps its name: reports of periods
 * when they were a member still show who they were. A member belongs to the entity of their first event.
 */
@Component
class MemberProjection implements StreamEventHandler<UserPayload> {

    private static final Logger log = LoggerFactory.getLogger(MemberProjection.class);

    private final Directory directory;

    MemberProjection(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Subscription<UserPayload> subscription() {
        return Subscription.to(Streams.USERS, EventTypes.MEMBER_EVENTS, UserPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, UserPayload member) {
        if (directory.memberOfAnother(event.entityId(), event.aggregateId())) {
            log.warn("Ignored {} of member {}: it names entity {}, the member belongs to another", event.type(),
                    event.aggregateId(), event.entityId());
            return;
        }
        directory.applyMember(event.entityId(), event.aggregateId(), event.aggregateVersion(), member.firstName(),
                member.lastName(), event.type().equals(EventTypes.USER_DELETED));
    }
}
