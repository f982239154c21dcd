package app.financetracker.transaction.ledger;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.transaction.category.CategoryService;
import org.springframework.stereotype.Component;

/**
 * Completes a category rename on the transactions (ADR 0015): on every {@code CategoryUpdated} delivered, every
 * transaction of the category gets the category's current name. The event travelled in the same write as the
 * rename, so the rename cannot be lost half-way: whatever a crash left undone, the redelivery does. The current
 * name, not the event's: a late, older event never brings an old name back.
 */
@Component
class CategoryRenames implements StreamEventHandler {

    private final CategoryService categories;
    private final TransactionService transactions;

    CategoryRenames(CategoryService categories, TransactionService transactions) {
        this.categories = categories;
        this.transactions = transactions;
    }

    @Override
    public String stream() {
        return Streams.CATEGORIES;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (event.type().equals(EventTypes.CATEGORY_UPDATED)) {
            categories.find(event.aggregateId())
                    .ifPresent(category -> transactions.renameCategory(category.id(), category.name()));
        }
    }
}
