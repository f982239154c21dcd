package app.financetracker.report.ledger;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import org.springframework.stereotype.Component;

/**
 * Member names for reports, from {@code events:users}. A deleted member keeps its name: reports of periods
 * when they were a member still show who they were.
 */
@Component
class MemberProjection implements StreamEventHandler {


    private final Directory directory;

    MemberProjection(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String stream() {
        return Streams.USERS;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!EventTypes.MEMBER_EVENTS.contains(event.type())) {
            return;
        }
        UserPayload member = EventCodec.read(event, UserPayload.class);
        directory.applyMember(event.aggregateId(), event.aggregateVersion(), member.firstName(), member.lastName(),
                event.type().equals(EventTypes.USER_DELETED));
    }
}
