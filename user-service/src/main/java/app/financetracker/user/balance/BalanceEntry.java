package app.financetracker.user.balance;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * What one transaction contributes to its member's balance, as of {@code version} of that transaction. A
 * deleted transaction keeps its entry (flagged) so that an older event arriving late cannot bring it back.
 */
@Document(BalanceProjection.ENTRIES)
record BalanceEntry(@Id String id, @Indexed String userId, Type type,
                    @Field(targetType = FieldType.DECIMAL128) BigDecimal amount, boolean deleted, long version) {

    enum Type { RECEIVABLE, DEBT, COLLECTED }
}
