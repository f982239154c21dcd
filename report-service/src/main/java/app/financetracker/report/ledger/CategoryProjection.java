package app.financetracker.report.ledger;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import org.springframework.stereotype.Component;

/**
 * Category names for reports, from {@code events:categories}: a rename reaches every report generated after
 * it with this one event (ADR 0018). A deleted category keeps its name for reports of periods it was used in.
 */
@Component
class CategoryProjection implements StreamEventHandler<CategoryPayload> {

    private final Directory directory;

    CategoryProjection(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Subscription<CategoryPayload> subscription() {
        return Subscription.to(Streams.CATEGORIES, EventTypes.CATEGORY_EVENTS, CategoryPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, CategoryPayload category) {
        directory.applyCategory(event.aggregateId(), event.aggregateVersion(), category.name(),
                event.type().equals(EventTypes.CATEGORY_DELETED));
    }
}
