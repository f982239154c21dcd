package app.financetracker.transaction.ledger;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import app.financetracker.transaction.category.CategoryService;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Completes a category rename on the transactions (ADR 0018): on every {@code CategoryUpdated} delivered, every
 * transaction of the category gets the category's current name. The event travelled in the same write as the
 * rename, so the rename cannot be lost half-way: whatever a crash left undone, the redelivery does. The current
 * name, not the event's: a late, older event never brings an old name back. Only within the event's entity: an
 * event naming a category of another entity finds none and changes nothing.
 */
@Component
class CategoryRenames implements StreamEventHandler<CategoryPayload> {

    private final CategoryService categories;
    private final TransactionService transactions;

    CategoryRenames(CategoryService categories, TransactionService transactions) {
        this.categories = categories;
        this.transactions = transactions;
    }

    @Override
    public Subscription<CategoryPayload> subscription() {
        return Subscription.to(Streams.CATEGORIES, Set.of(EventTypes.CATEGORY_UPDATED), CategoryPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, CategoryPayload renamed) {
        categories.find(event.entityId(), event.aggregateId()).ifPresent(category ->
                transactions.renameCategory(category.entityId(), category.id(), category.name()));
    }
}
