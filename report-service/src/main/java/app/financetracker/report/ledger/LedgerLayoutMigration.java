package app.financetracker.report.ledger;

import app.financetracker.kit.entity.DefaultEntityMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Buckets built before entities have ids without the entity ({@link BucketKey#withinEntity()}): one bucket for
 * everybody, which the ids of now never find. At start, before the consumers run, a database that still holds
 * any gets its buckets rebuilt from the per-transaction {@code ledger} entries, whose cells were always named
 * within the entry's entity and need no change (DESIGN §9). Idempotent: once no old bucket is left there is
 * nothing to do, and a rebuild that stopped half-way left them for the next start.
 */
@Component
class LedgerLayoutMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LedgerLayoutMigration.class);

    private final MongoTemplate mongo;
    private final LedgerRebuild rebuild;

    LedgerLayoutMigration(MongoTemplate mongo, LedgerRebuild rebuild) {
        this.mongo = mongo;
        this.rebuild = rebuild;
    }

    @Override
    public void afterSingletonsInstantiated() {
        migrate();
    }

    /** Rebuilds the buckets if any is of the layout before entities; whether it did. */
    boolean migrate() {
        if (!mongo.exists(Query.query(Criteria.where("_id").regex(BucketKey.ID_BEFORE_ENTITIES)), Buckets.COLLECTION)) {
            return false;
        }
        // The ledger entries' entity decides their buckets': moved into the default entity first (the kit's
        // migration, idempotent, may not have run yet).
        DefaultEntityMigration.migrate(mongo);
        long written = rebuild.rebuild();
        log.info("Rebuilt {} report buckets with the entity in their ids", written);
        return true;
    }
}
