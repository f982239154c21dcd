package app.financetracker.transaction.category;

/**
 * Whether anything still files itself under a category, so that it cannot be deleted. The ledger answers it:
 * the category package knows nothing of transactions, the ledger depends on categories (ADR 0018).
 */
public interface CategoryUsage {

    /** Whether a live transaction of {@code entityId} names the category. */
    boolean inUse(String entityId, String categoryId);
}
