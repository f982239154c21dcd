package app.financetracker.transaction.category;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A kind of movement (camp, membership fee…), reused in filters and forms, of one entity ({@code entityId},
 * DESIGN §9). {@code nameKey} makes names unique regardless of case within the entity: two entities may each
 * have "Camp". Like every aggregate it carries its pending events in {@code outbox} (ADR 0002): a rename and its
 * {@code CategoryUpdated} are one write, and the event completes the rename everywhere (ADR 0018).
 */
@Document(Category.COLLECTION)
@CompoundIndex(name = "entity_name", def = "{'entityId': 1, 'nameKey': 1}", unique = true)
public record Category(@Id String id, String entityId, String name, String nameKey, String color,
                       Instant createdAt, Instant updatedAt, long version, boolean deleted,
                       List<EventEnvelope> outbox) {

    public static final String COLLECTION = "categories";

    CategoryPayload payload() {
        return new CategoryPayload(id, name, color);
    }
}
