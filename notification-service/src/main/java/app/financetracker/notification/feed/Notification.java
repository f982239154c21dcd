package app.financetracker.notification.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One entry of the feed. Its id is the id of the event it came from, so that a redelivered or replayed event
 * can never make a second one. It keeps what the message says, not the message: each reader gets it in
 * their own language. {@code readBy} holds the usernames of the admins who have read it. {@code entityId} is
 * the entity of its event (DESIGN §9): only that entity's admins see it, and the feed's index leads with it.
 */
@Document(Notification.COLLECTION)
@CompoundIndex(name = "entity_feed", def = "{'entityId': 1, 'createdAt': -1, '_id': 1}")
public record Notification(@Id String id, String entityId, String type, String memberName, String userId,
                           String transactionId, String transactionType,
                           @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, Instant createdAt,
                           Set<String> readBy) {

    public static final String COLLECTION = "notifications";
}
