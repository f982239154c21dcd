package app.financetracker.kit.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection writes keyed by aggregate (DESIGN §3): a document per aggregate id that takes an
 * event's state only when the event's {@code aggregateVersion} is newer than the one it holds. Redelivery,
 * replay and out-of-order delivery therefore leave the same result. One atomic upsert where
 * {@code version < incoming}; when a newer or equal version is stored, the upsert collides on {@code _id}.
 */
public final class VersionedProjection {

    public static final String VERSION = "version";

    private VersionedProjection() {
    }

    /** Writes {@code update} (and the version) unless the stored document is as new or newer; says which. */
    public static boolean applyIfNewer(MongoTemplate mongo, String collection, String id, long version, Update update) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).and(VERSION).lt(version));
        try {
            mongo.upsert(olderOrMissing, update.set(VERSION, version), collection);
            return true;
        } catch (DuplicateKeyException newerAlreadyStored) {
            return false;
        }
    }
}
