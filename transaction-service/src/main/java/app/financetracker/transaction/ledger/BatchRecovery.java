package app.financetracker.transaction.ledger;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** At start, the batches a crash left half-written are written to the end (ADR 0026). */
@Component
class BatchRecovery {

    private final MongoTemplate mongo;
    private final BatchService batches;

    BatchRecovery(MongoTemplate mongo, BatchService batches) {
        this.mongo = mongo;
        this.batches = batches;
    }

    @EventListener(ApplicationReadyEvent.class)
    void completeInterruptedBatches() {
        mongo.stream(Query.query(Criteria.where("done").is(false)), Batch.class).forEach(batches::complete);
    }
}
