package app.financetracker.events;

import java.math.BigDecimal;

/**
 * The sums per {@link TransactionType} of DESIGN's glossary and what they leave outstanding, for one member
 * (user-service's balance) or any set of transactions (report-service's figures). Exact: {@link BigDecimal}.
 */
public record TransactionTotals(BigDecimal receivables, BigDecimal debts, BigDecimal collected) {

    public static final TransactionTotals ZERO = new TransactionTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** What the member still owes: {@code receivables - collected - debts} (negative: the organisation owes them). */
    public BigDecimal outstanding() {
        return receivables.subtract(collected).subtract(debts);
    }

    /** These totals with {@code amount} added to the sum of its type. */
    public TransactionTotals plus(TransactionType type, BigDecimal amount) {
        return switch (type) {
            case RECEIVABLE -> new TransactionTotals(receivables.add(amount), debts, collected);
            case DEBT -> new TransactionTotals(receivables, debts.add(amount), collected);
            case COLLECTED -> new TransactionTotals(receivables, debts, collected.add(amount));
        };
    }

    public TransactionTotals plus(TransactionTotals other) {
        return new TransactionTotals(receivables.add(other.receivables), debts.add(other.debts),
                collected.add(other.collected));
    }
}
