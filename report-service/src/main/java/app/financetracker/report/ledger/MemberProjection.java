package app.financetracker.report.ledger;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import org.springframework.stereotype.Component;

/**
 * Member names for reports, from {@code events:users}. A deleted member keeps its name: reports of periods
 * when they were a member still show who they were.
 */
@Component
class MemberProjection implements StreamEventHandler<UserPayload> {

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
        directory.applyMember(event.aggregateId(), event.aggregateVersion(), member.firstName(), member.lastName(),
                event.type().equals(EventTypes.USER_DELETED));
    }
}
