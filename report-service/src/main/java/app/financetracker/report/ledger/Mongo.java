package app.financetracker.report.ledger;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes of this projection, all addressed by {@code _id} alone. The embedded Mongo server uses an index
 * only for a query on exactly {@code _id}: any other condition ({@code _id} and {@code version < n}) scans
 * the whole collection. "Only if newer" is therefore expressed with {@code $max} on a sub-document whose
 * first field is the version (BSON compares documents field by field), never with a query condition
 * (ADR 0020).
 */
final class Mongo {

    private Mongo() {
    }

    static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** Upsert by id. Two first writers racing: one insert wins, the other gets a duplicate key and updates. */
    static void upsert(MongoTemplate mongo, String collection, String id, Update update) {
        try {
            mongo.upsert(byId(id), update, collection);
        } catch (DuplicateKeyException insertedMeanwhile) {
            mongo.upsert(byId(id), update, collection);
        }
    }
}
