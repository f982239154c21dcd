package app.financetracker.report.ledger;

import app.financetracker.events.TransactionTotals;
import app.financetracker.events.TransactionType;
import java.math.BigDecimal;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The three sums of DESIGN's glossary and how many transactions made them, for one bucket or any total of
 * buckets. Immutable; exact ({@link BigDecimal}, never a double).
 */
public record Sums(BigDecimal receivables, BigDecimal debts, BigDecimal collected, long count) {

    public static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    public TransactionTotals totals() {
        return new TransactionTotals(receivables, debts, collected);
    }

    /** What the members still owe (negative: the organisation owes): {@link TransactionTotals#outstanding()}. */
    public BigDecimal outstanding() {
        return totals().outstanding();
    }

    public Sums plus(Sums other) {
        return counted(totals().plus(other.totals()), count + other.count);
    }

    public Sums plus(TransactionType type, BigDecimal amount) {
        return counted(totals().plus(type, amount), count + 1);
    }

    private static Sums counted(TransactionTotals totals, long count) {
        return new Sums(totals.receivables(), totals.debts(), totals.collected(), count);
    }

    /**
     * What a roll-up stores: the ticket of the recomputation first, so that {@code $max} on this document
     * keeps the latest recomputation (BSON compares documents field by field).
     */
    Document toDocument(long ticket) {
        return new Document("t", ticket).append("r", new Decimal128(receivables)).append("d", new Decimal128(debts))
                .append("c", new Decimal128(collected)).append("n", count);
    }

    /**
     * The sums a bucket document holds: a day cell sums its per-transaction contributions, a rolled-up bucket
     * has them stored.
     */
    static Sums of(Document bucket) {
        Document entries = bucket.get(Buckets.ENTRIES, Document.class);
        if (entries != null) {
            Sums sums = ZERO;
            for (Object value : entries.values()) {
                Document contribution = (Document) value;
                Decimal128 amount = contribution.get("a", Decimal128.class);
                if (amount != null) {
                    sums = sums.plus(TransactionType.valueOf(contribution.getString("t")), amount.bigDecimalValue());
                }
            }
            return sums;
        }
        Document sum = bucket.get(Buckets.SUM, Document.class);
        if (sum == null) {
            return ZERO;
        }
        return new Sums(decimal(sum, "r"), decimal(sum, "d"), decimal(sum, "c"), ((Number) sum.get("n")).longValue());
    }

    private static BigDecimal decimal(Document document, String field) {
        Decimal128 value = document.get(field, Decimal128.class);
        return value == null ? BigDecimal.ZERO : value.bigDecimalValue();
    }
}
