package app.financetracker.report.ledger;

import app.financetracker.events.TransactionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The pre-aggregated buckets of ADR 0020 ({@code ledger_buckets}). A day cell keeps one contribution per
 * transaction, replaced only by a newer version of that transaction; every roll-up is recomputed from the
 * buckets below it, never incremented, and stored with a ticket so that of two concurrent recomputations
 * (two instances, a retry beside the live consumer) the later one stays. Every bucket is of one entity
 * ({@link BucketKey}), and a roll-up sums only its entity's members and categories.
 */
@Component
public class Buckets {

    public static final String COLLECTION = "ledger_buckets";
    static final String ENTRIES = "entries";
    static final String SUM = "sum";
    /**
     * Ids per {@code $in} look-up. Small on purpose: the embedded Mongo server finds each id through the index
     * but then matches every document found against the whole list again, so a look-up costs ids²; 100 keeps
     * that below the cost of the round trips (2,000 ids at once took ten times longer in the benchmark).
     */
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final Directory directory;

    public Buckets(MongoTemplate mongo, Directory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    /**
     * Sets what the transaction contributes to {@code cell} as of {@code version} ({@code amount} null:
     * nothing, it moved away or was deleted), unless a newer version of it already wrote there.
     */
    void contribute(BucketKey cell, String transactionToken, long version, TransactionType type, Decimal128 amount) {
        Document contribution = new Document("v", version).append("t", type.name()).append("a", amount);
        Mongo.upsert(mongo, COLLECTION, cell.id(), describe(new Update(), cell)
                .max(ENTRIES + "." + transactionToken, contribution));
    }

    /**
     * Recomputes every roll-up above these cells once, lower levels first: a cell's roll-ups come in an order
     * where each one sums only cells and roll-ups earlier in that order, so level by level across all the cells
     * every roll-up is summed after everything below it.
     */
    void refreshRollups(Collection<BucketKey> cells) {
        List<List<BucketKey>> perCell = cells.stream().map(BucketKey::rollups).toList();
        for (int level = 0; !perCell.isEmpty() && level < perCell.get(0).size(); level++) {
            Set<BucketKey> distinct = new LinkedHashSet<>();
            for (List<BucketKey> rollups : perCell) {
                distinct.add(rollups.get(level));
            }
            distinct.forEach(this::refresh);
        }
    }

    private void refresh(BucketKey rollup) {
        long ticket = takeTicket(rollup);
        // Everything is read after taking the ticket, the member and category lists included: the holder
        // of the highest ticket then sees every change made before any ticket was taken, so its sum is
        // the right one, and $max on the ticket keeps it whatever the order the writes land in.
        Sums sums = sum(rollup.childIds(
                rollup.needsMembers() ? directory.memberTokens(rollup.entityId()) : List.of(),
                rollup.needsCategories() ? directory.categoryTokens(rollup.entityId()) : List.of()));
        mongo.updateFirst(Mongo.byId(rollup.id()), new Update().max(SUM, sums.toDocument(ticket)), COLLECTION);
    }

    private long takeTicket(BucketKey rollup) {
        Update ticket = describe(new Update().inc("seq", 1L), rollup);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document bucket;
        try {
            bucket = mongo.findAndModify(Mongo.byId(rollup.id()), ticket, options, Document.class, COLLECTION);
        } catch (DuplicateKeyException createdMeanwhile) {
            bucket = mongo.findAndModify(Mongo.byId(rollup.id()), ticket, options, Document.class, COLLECTION);
        }
        return ((Number) bucket.get("seq")).longValue();
    }

    static Update describe(Update update, BucketKey key) {
        return update.setOnInsert(Directory.ENTITY, key.entityId()).setOnInsert("span", key.span().name())
                .setOnInsert("start", key.start().toString()).setOnInsert("category", key.category()).setOnInsert("member", key.member());
    }

    /** The sums of these buckets added up; missing ones count as zero. */
    public Sums sum(Collection<String> ids) {
        return fetch(ids).values().stream().reduce(Sums.ZERO, Sums::plus);
    }

    /** The sums of each of these buckets that exists, by id; one {@code _id $in} look-up per batch. */
    public Map<String, Sums> fetch(Collection<String> ids) {
        Map<String, Sums> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + BATCH))));
            query.fields().include(SUM).include(ENTRIES);
            for (Document bucket : mongo.find(query, Document.class, COLLECTION)) {
                found.put(bucket.getString("_id"), Sums.of(bucket));
            }
        }
        return found;
    }
}
