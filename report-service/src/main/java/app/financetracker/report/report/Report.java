package app.financetracker.report.report;

import app.financetracker.report.ledger.Sums;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

/**
 * A stored report: a frozen snapshot of the figures at {@code createdAt}, names included, never recomputed.
 * Dates are ISO strings ({@code YYYY-MM-DD}), money Decimal128. Of one entity ({@code entityId}, DESIGN §9), set
 * from the request's and never changed; the history is listed per entity, newest first.
 */
@Document(Report.COLLECTION)
@CompoundIndex(name = "entity_created", def = "{'entityId': 1, 'createdAt': -1}")
public record Report(@Id String id, String entityId, String from, String to, Granularity granularity, String userId,
                     String userName, String categoryId, String categoryName, String timeZone, String currency,
                     Instant createdAt, String createdBy, Line totals, List<Line> byPeriod,
                     List<Line> byCategory, List<Line> byUser) {

    public static final String COLLECTION = "reports";

    /**
     * One row of figures. {@code key}/{@code label}: the period label (and its days in {@code from}/{@code to}),
     * the category id and name, or the member id and name.
     */
    public record Line(String key, String label, String from, String to,
                       @Field(targetType = FieldType.DECIMAL128) BigDecimal receivables,
                       @Field(targetType = FieldType.DECIMAL128) BigDecimal debts,
                       @Field(targetType = FieldType.DECIMAL128) BigDecimal collected,
                       @Field(targetType = FieldType.DECIMAL128) BigDecimal outstanding,
                       long count) {

        static Line of(String key, String label, String from, String to, Sums sums) {
            return new Line(key, label, from, to, sums.receivables(), sums.debts(), sums.collected(),
                    sums.outstanding(), sums.count());
        }
    }
}
