package app.financetracker.notification.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One entry of the feed. Its id is the id of the event it came from, so that a redelivered or replayed event
 * can never make a second one. It keeps what the message says, not the message: each reader gets it in
 * their own language. {@code readBy} holds the usernames of the admins who have read it.
 */
@Document(Notification.COLLECTION)
public record Notification(@Id String id, String type, String memberName, String userId, String transactionId,
                           String transactionType, @Field(targetType = FieldType.DECIMAL128) BigDecimal amount,
                           @Indexed Instant createdAt, Set<String> readBy) {

    public static final String COLLECTION = "notifications";
}
