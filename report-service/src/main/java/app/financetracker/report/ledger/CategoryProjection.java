package app.financetracker.report.ledger;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Category names for reports, from {@code events:categories}: a rename reaches every report generated after
 * it with this one event (ADR 0018). A deleted category keeps its name for reports of periods it was used in.
 */
@Component
class CategoryProjection implements StreamEventHandler<CategoryPayload> {

    private static final Logger log = LoggerFactory.getLogger(CategoryProjection.class);

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
        if (directory.categoryOfAnother(event.entityId(), event.aggregateId())) {
            log.warn("Ignored {} of category {}: it names entity {}, the category belongs to another", event.type(),
                    event.aggregateId(), event.entityId());
            return;
        }
        directory.applyCategory(event.entityId(), event.aggregateId(), event.aggregateVersion(), category.name(),
                event.type().equals(EventTypes.CATEGORY_DELETED));
    }
}
