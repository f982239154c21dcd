package app.financetracker.notification.feed;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** A member added, changed or deleted becomes one notification. */
@Component
class MemberFeed implements StreamEventHandler {

    private static final Map<String, String> MESSAGES = Map.of(
            EventTypes.USER_CREATED, "New member: %s",
            EventTypes.USER_UPDATED, "Member updated: %s",
            EventTypes.USER_DELETED, "Member deleted: %s");

    private final NotificationRepository notifications;

    MemberFeed(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public String stream() {
        return Streams.USERS;
    }

    @Override
    public void handle(EventEnvelope event) {
        String message = MESSAGES.get(event.type());
        if (message == null) {
            return;
        }
        UserPayload member = EventCodec.read(event, UserPayload.class);
        try {
            notifications.insert(new Notification(event.eventId(), event.type(),
                    message.formatted(member.displayName()), member.id(), null, event.occurredAt(), Set.of()));
        } catch (DuplicateKeyException alreadyThere) {
            // Delivered before: the feed keeps the first one.
        }
    }
}
