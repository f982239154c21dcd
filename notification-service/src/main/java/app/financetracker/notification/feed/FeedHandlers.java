package app.financetracker.notification.feed;

import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member added, changed or deleted, and a transaction added, edited or deleted, each give exactly one
 * notification: it is keyed by the event's id. Unknown event types are ignored; a transaction event that the
 * money-counting consumers refuse (no member, amount, date or type) goes to the dead-letter stream here too.
 * The notification is in its event's entity.
 */
@Configuration(proxyBeanMethods = false)
class FeedHandlers {

    @Bean
    StreamEventHandler<UserPayload> memberFeed(FeedService feed) {
        return StreamEventHandler.of(Subscription.to(Streams.USERS, EventTypes.MEMBER_EVENTS, UserPayload.class),
                (event, member) -> feed.record(new Notification(event.eventId(), event.entityId(), event.type(),
                        member.displayName(), member.id(), null, null, null, Instant.now(), Set.of())));
    }

    /** The payload is read as balances and reports read it: no notice of a change that counts nowhere. */
    @Bean
    StreamEventHandler<TransactionPayload> transactionFeed(FeedService feed) {
        return StreamEventHandler.of(
                Subscription.to(Streams.TRANSACTIONS, EventTypes.TRANSACTION_EVENTS, TransactionPayload.class),
                (event, transaction) -> feed.record(new Notification(event.eventId(), event.entityId(),
                        event.type(), transaction.userName(), transaction.userId(), transaction.id(),
                        transaction.type(), transaction.amount(), Instant.now(), Set.of())));
    }
}
