package app.financetracker.kit.projection;

import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotent projection writes keyed by aggregate (DESIGN §3): a document per aggregate id that takes an
 * event's state only when the event's {@code aggregateVersion} is newer than the one it holds. Redelivery,
 * replay and out-of-order delivery therefore leave the same result. One atomic findAndModify: upsert where
 * {@code version < incoming}; when a newer or equal version is stored, the upsert collides on {@code _id}.
 */
public final class VersionedProjection {

    public static final String VERSION = "version";

    private VersionedProjection() {
    }

    /** What an apply did. {@code previous} is the document before the write (empty when it was new). */
    public record Result(boolean applied, Optional<Document> previous) {

        static final Result STALE = new Result(false, Optional.empty());
    }

    public static Result applyIfNewer(MongoTemplate mongo, String collection, String id, long version, Update update) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).and(VERSION).lt(version));
        update.set(VERSION, version);
        try {
            Document previous = mongo.findAndModify(olderOrMissing, update,
                    FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, collection);
            return new Result(true, Optional.ofNullable(previous));
        } catch (DuplicateKeyException newerAlreadyStored) {
            return Result.STALE;
        }
    }
}
