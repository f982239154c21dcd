package app.financetracker.notification.feed;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A member added, changed or deleted, and a transaction added, edited or deleted, each give exactly one
 * notification: it is keyed by the event's id. Unknown event types are ignored; a transaction event that the
 * money-counting consumers refuse (no member, amount, date or type) goes to the dead-letter stream here too.
 */
@Configuration(proxyBeanMethods = false)
class FeedHandlers {

    @Bean
    StreamEventHandler memberFeed(FeedService feed) {
        return StreamEventHandler.of(Streams.USERS, event -> {
            if (EventTypes.MEMBER_EVENTS.contains(event.type())) {
                UserPayload member = EventCodec.read(event, UserPayload.class);
                feed.record(new Notification(event.eventId(), event.type(), member.displayName(), member.id(), null,
                        null, null, Instant.now(), Set.of()));
            }
        });
    }

    @Bean
    StreamEventHandler transactionFeed(FeedService feed) {
        return StreamEventHandler.of(Streams.TRANSACTIONS, event -> {
            if (EventTypes.TRANSACTION_EVENTS.contains(event.type())) {
                // Refused exactly as balances and reports refuse it: no notice of a change that counts nowhere.
                TransactionPayload transaction = EventCodec.readTransaction(event);
                feed.record(new Notification(event.eventId(), event.type(), transaction.userName(),
                        transaction.userId(), transaction.id(), transaction.type(), transaction.amount(), Instant.now(),
                        Set.of()));
            }
        });
    }
}
