package app.financetracker.report.ledger;

import app.financetracker.events.CategoryPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.stream.StreamEventHandler;
import org.springframework.stereotype.Component;

/**
 * Category names for reports, from {@code events:categories}: a rename reaches every report generated after
 * it with this one event (ADR 0015). A deleted category keeps its name for reports of periods it was used in.
 */
@Component
class CategoryProjection implements StreamEventHandler {

    private final Directory directory;

    CategoryProjection(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String stream() {
        return Streams.CATEGORIES;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!EventTypes.CATEGORY_EVENTS.contains(event.type())) {
            return;
        }
        CategoryPayload category = EventCodec.read(event, CategoryPayload.class);
        directory.applyCategory(event.aggregateId(), event.aggregateVersion(), category.name(),
                event.type().equals(EventTypes.CATEGORY_DELETED));
    }
}
