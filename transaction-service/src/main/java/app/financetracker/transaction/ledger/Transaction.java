package app.financetracker.transaction.ledger;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.TransactionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One money movement of a member. {@code date} is kept as ISO text (YYYY-MM-DD): it sorts and compares as the
 * calendar date it is, free of any time zone. {@code userName} and {@code categoryName} are copies kept current
 * when the member or category is renamed. The indexes serve the global view's filters and sorts.
 */
@Document(Transaction.COLLECTION)
@CompoundIndex(name = "member_date", def = "{'userId': 1, 'date': -1}")
@CompoundIndex(name = "category_date", def = "{'categoryId': 1, 'date': -1}")
@CompoundIndex(name = "type_date", def = "{'type': 1, 'date': -1}")
@CompoundIndex(name = "category_name_date", def = "{'categoryName': 1, 'date': -1}")
@CompoundIndex(name = "live_date", def = "{'deleted': 1, 'date': -1, 'createdAt': -1}")
public record Transaction(@Id String id, String userId, String userName, TransactionType type,
                          @Indexed @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, String categoryId,
                          String categoryName, String date, String description, Instant createdAt,
                          Instant updatedAt, long version, boolean deleted, List<EventEnvelope> outbox) {

    public static final String COLLECTION = "transactions";

    TransactionPayload payload() {
        return new TransactionPayload(id, userId, userName, type.name(), amount, categoryId, categoryName, LocalDate.parse(date),
                description);
    }
}
