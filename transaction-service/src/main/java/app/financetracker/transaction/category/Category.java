package app.financetracker.transaction.category;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A kind of movement (camp, membership fee…), reused in filters and forms. {@code nameKey} makes names unique regardless of case. */
@Document("categories")
public record Category(@Id String id, String name, @Indexed(unique = true) String nameKey, String color,
                       Instant createdAt, Instant updatedAt, long version) {
}
