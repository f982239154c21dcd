package app.financetracker.report.ledger;

import app.financetracker.events.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rebuilds {@code ledger_buckets} from the {@code ledger} entries in one pass, in memory, instead of event by
 * event: after a change of the bucket layout (the entity in bucket ids: {@link LedgerLayoutMigration}), or to load
 * a large ledger quickly (the benchmark). Gives the same sums as the incremental projection (a test checks it).
 * Run it while the consumers are stopped: it replaces the buckets. Buckets of the layout before entities go last,
 * once the new ones are written: a rebuild that stops half-way leaves them, and the next start rebuilds again.
 */
@Component
public class LedgerRebuild {

    private static final int INSERT_BATCH = 5000;

    private final MongoTemplate mongo;
    private final Directory directory;

    public LedgerRebuild(MongoTemplate mongo, Directory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    /** @return how many buckets were written */
    public long rebuild() {
        Map<String, Document> cells = new HashMap<>();
        Map<BucketKey, Sums> rollups = new HashMap<>();
        // By entity, then id: the name each member or category shows until one of its events names it.
        Map<String, Map<String, String>> categories = new LinkedHashMap<>();
        Map<String, Map<String, String>> members = new LinkedHashMap<>();
        // Batches of a bounded size: left to itself, the embedded server answers with one reply of any length.
        Query everything = new Query().cursorBatchSize(INSERT_BATCH);
        try (Stream<Document> ledger = mongo.stream(everything, Document.class, LedgerProjection.LEDGER)) {
            ledger.forEach(entry -> {
                String entityId = entry.getString(LedgerProjection.ENTITY);
                String token = BucketKey.token(entry.getString("_id"));
                Document state = entry.get(LedgerProjection.STATE, Document.class);
                long version = ((Number) state.get("v")).longValue();
                String type = state.getString("type");
                boolean live = !state.getBoolean("deleted", false);
                String current = state.getString("cell");
                members.computeIfAbsent(entityId, e -> new LinkedHashMap<>())
                        .putIfAbsent(state.getString("userId"), state.getString("userName"));
                if (state.getString("categoryId") != null) {
                    categories.computeIfAbsent(entityId, e -> new LinkedHashMap<>())
                            .putIfAbsent(state.getString("categoryId"), state.getString("categoryName"));
                }
                for (String cellId : entry.getList(LedgerProjection.CELLS, String.class, List.of())) {
                    boolean here = live && cellId.equals(current);
                    Decimal128 amount = here ? state.get("amount", Decimal128.class) : null;
                    BucketKey cell = BucketKey.parseCell(entityId, cellId);
                    cells.computeIfAbsent(cell.id(), id -> describe(cell).append(Buckets.ENTRIES, new Document()))
                            .get(Buckets.ENTRIES, Document.class)
                            .put(token, new Document("v", version).append("t", type).append("a", amount));
                    if (here) {
                        Sums one = Sums.ZERO.plus(TransactionType.valueOf(type), amount.bigDecimalValue());
                        for (BucketKey rollup : cell.rollups()) {
                            rollups.merge(rollup, one, Sums::plus);
                        }
                    }
                }
            });
        }
        members.forEach((entityId, names) -> names.forEach((member, name) ->
                directory.registerMember(entityId, member, name, Instant.EPOCH)));
        categories.forEach((entityId, names) -> names.forEach((category, name) ->
                directory.registerCategory(entityId, category, name, Instant.EPOCH)));

        Criteria beforeEntities = Criteria.where("_id").regex(BucketKey.ID_BEFORE_ENTITIES);
        mongo.remove(Query.query(new Criteria().norOperator(beforeEntities)), Buckets.COLLECTION);
        List<Document> batch = new ArrayList<>(INSERT_BATCH);
        for (Document cell : cells.values()) {
            add(batch, cell);
        }
        for (Map.Entry<BucketKey, Sums> rollup : rollups.entrySet()) {
            // Ticket 0: the first incremental recomputation after the rebuild takes ticket 1 and replaces it.
            add(batch, describe(rollup.getKey()).append("seq", 0L).append(Buckets.SUM, rollup.getValue().toDocument(0)));
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Buckets.COLLECTION);
        }
        mongo.remove(Query.query(beforeEntities), Buckets.COLLECTION);
        return cells.size() + rollups.size();
    }

    private void add(List<Document> batch, Document bucket) {
        batch.add(bucket);
        if (batch.size() == INSERT_BATCH) {
            mongo.insert(new ArrayList<>(batch), Buckets.COLLECTION);
            batch.clear();
        }
    }

    private static Document describe(BucketKey key) {
        return new Document("_id", key.id()).append(Directory.ENTITY, key.entityId())
                .append("span", key.span().name()).append("start", key.start().toString())
                .append("category", key.category()).append("member", key.member());
    }
}
