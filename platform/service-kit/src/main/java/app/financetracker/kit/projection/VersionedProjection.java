package app.financetracker.kit.projection;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection writes keyed by aggregate (DESIGN §3): a document per aggregate id that takes an
 * event's state only when the event's {@code aggregateVersion} is newer than the one it holds. Redelivery,
 * replay and out-of-order delivery therefore leave the same result.
 * <p>
 * A compare-and-set by equality on {@code {_id, version}}: read the stored version, then write where the
 * version is still that one (or insert when there was none); a writer that lost the race sees a duplicate
 * {@code _id} and reads again. Not one upsert where {@code version < incoming}: the embedded Mongo server finds
 * a document through an index only for a query on exactly that index's fields, and would scan the whole
 * collection for every event; {@link #ensureIndex} gives it an index on {@code {_id, version}} (MongoDB itself
 * finds both queries by {@code _id}; the index costs it one more key per write). ADR 0050.
 */
public final class VersionedProjection {

    public static final String VERSION = "version";

    private VersionedProjection() {
    }

    /** Creates the unique {@code {_id, version}} index the compare-and-set looks documents up by. */
    public static void ensureIndex(MongoTemplate mongo, String collection) {
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC).unique().named("_id_version"));
    }

    /** Writes {@code update} (and the version) unless the stored document is as new or newer; says which. */
    public static boolean applyIfNewer(MongoTemplate mongo, String collection, String id, long version, Update update) {
        update.set(VERSION, version);
        while (true) {
            Query byId = Query.query(Criteria.where("_id").is(id));
            byId.fields().include(VERSION);
            Document stored = mongo.findOne(byId, Document.class, collection);
            Long current = stored == null || stored.get(VERSION) == null ? null : ((Number) stored.get(VERSION)).longValue();
            if (current != null && current >= version) {
                return false;
            }
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(id).and(VERSION).is(current)), update, collection);
                return true;
            } catch (DuplicateKeyException changedMeanwhile) {
                // Another writer changed or inserted it after the read: compare again.
            }
        }
    }
}
