package app.financetracker.user.member;

import app.financetracker.events.EventEnvelope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A member of the organisation. Its pending events travel in {@code outbox}, written in the same document
 * write as the change (ADR 0002); a deleted member stays, flagged, until its tombstone is published.
 */
@Document("users")
class Member {

    @Id
    String id;
    String firstName;
    String lastName;
    @Indexed(unique = true)
    String email;
    String phone;
    Balance balance = Balance.ZERO;
    @CreatedDate
    Instant createdAt;
    @LastModifiedDate
    Instant updatedAt;
    @Version
    Long version;
    boolean deleted;
    List<EventEnvelope> outbox = List.of();

    /** The sums per transaction type; {@code outstanding = receivables - collected - debts}. */
    record Balance(@Field(targetType = FieldType.DECIMAL128) BigDecimal receivables,
                   @Field(targetType = FieldType.DECIMAL128) BigDecimal debts,
                   @Field(targetType = FieldType.DECIMAL128) BigDecimal collected,
                   @Field(targetType = FieldType.DECIMAL128) BigDecimal outstanding) {

        static final Balance ZERO = new Balance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
