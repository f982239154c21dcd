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
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * One money movement of a member. {@code date} is kept as ISO text (YYYY-MM-DD): it sorts and compares as the
 * calendar date it is, free of any time zone. {@code userName} and {@code categoryName} are copies kept current
 * when the member or category is renamed. {@code entityId} is the organisation it belongs to (DESIGN §9), set at
 * creation from the request's entity and never changed. The indexes serve the global view's filters and sorts,
 * each within one entity: they all lead with {@code entityId}.
 */
@Document(Transaction.COLLECTION)
@CompoundIndex(name = "entity_member_date", def = "{'entityId': 1, 'userId': 1, 'date': -1}")
@CompoundIndex(name = "entity_category_date", def = "{'entityId': 1, 'categoryId': 1, 'date': -1}")
@CompoundIndex(name = "entity_type_date", def = "{'entityId': 1, 'type': 1, 'date': -1}")
@CompoundIndex(name = "entity_category_name_date", def = "{'entityId': 1, 'categoryName': 1, 'date': -1}")
@CompoundIndex(name = "entity_live_date", def = "{'entityId': 1, 'deleted': 1, 'date': -1, 'createdAt': -1}")
@CompoundIndex(name = "entity_amount", def = "{'entityId': 1, 'amount': 1}")
public record Transaction(@Id String id, String entityId, String userId, String userName, TransactionType type,
                          @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, String categoryId,
                          String categoryName, String date, String description, Instant createdAt,
                          Instant updatedAt, long version, boolean deleted, List<EventEnvelope> outbox) {

    public static final String COLLECTION = "transactions";

    TransactionPayload payload() {
        return new TransactionPayload(id, userId, userName, type.name(), amount, categoryId, categoryName, LocalDate.parse(date),
                description);
    }
}
