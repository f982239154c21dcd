package app.financetracker.notification.feed;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the feed. Its id is the id of the event it came from, so that a redelivered or replayed
 * event can never make a second one.
 */
@Document("notifications")
record Notification(@Id String id, String type, String message, String userId, String transactionId,
                    @Indexed Instant createdAt, Set<String> readBy) {
}
