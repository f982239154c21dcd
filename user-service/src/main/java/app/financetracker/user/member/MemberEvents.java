package app.financetracker.user.member;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Members publish {@code User*} events on {@code events:users} through their outbox. */
@Configuration(proxyBeanMethods = false)
class MemberEvents {

    @Bean
    OutboxSource membersOutbox() {
        return new OutboxSource(Member.COLLECTION, Streams.USERS);
    }

    /**
     * The event of a member's change, in the member's entity; {@code version} is the member's version once the
     * change is stored.
     */
    static EventEnvelope event(String entityId, String type, String id, long version, String firstName,
                               String lastName, String email) {
        return EventEnvelope.create(entityId, type, id, version,
                EventCodec.write(new UserPayload(id, firstName, lastName, email)));
    }
}
