package app.financetracker.user.member;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.outbox.Outbox;
import app.financetracker.kit.outbox.OutboxSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Members publish {@code User*} events on {@code events:users} through their outbox. */
@Configuration(proxyBeanMethods = false)
class MemberEvents {

    @Bean
    OutboxSource membersOutbox() {
        return new OutboxSource("users", Streams.USERS);
    }

    /**
     * Queues an event carrying the member's state; {@code aggregateVersion} is the version the member has once
     * this write is stored (Spring Data's {@code @Version} starts at 0 and adds one per save).
     */
    static void record(Member member, String type) {
        long version = member.version == null ? 0 : member.version + 1;
        UserPayload payload = new UserPayload(member.id, member.firstName, member.lastName, member.email);
        member.outbox = Outbox.append(member.outbox,
                EventEnvelope.create(type, member.id, version, EventCodec.write(payload)));
    }
}
