package app.financetracker.report.ledger;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.TransactionType;
import app.financetracker.kit.stream.DecodedEvent;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The report projection of {@code events:transactions} (DESIGN §3, ADR 0020): one {@code ledger} entry per
 * transaction whose {@code state} only a newer {@code aggregateVersion} replaces; then every day cell the
 * transaction was ever in is brought in line with that state and its roll-ups recomputed. Whatever the event
 * (new, repeated, late), the work after the entry is redone from the stored entry, so a retry also completes
 * an attempt that failed halfway.
 *
 * <p>An entry, its member and its category are of the event's entity (DESIGN §9), and so are its cells: an event
 * that would tie a transaction to a member, category or earlier entry of another entity is a defect, ignored with
 * a warning, never applied across entities.
 */
@Component
public class LedgerProjection implements StreamEventHandler<TransactionPayload> {

    public static final String LEDGER = "ledger";
    static final String ENTITY = "entityId";
    static final String STATE = "state";
    static final String CELLS = "cells";

    private static final Logger log = LoggerFactory.getLogger(LedgerProjection.class);

    private final MongoTemplate mongo;
    private final Directory directory;
    private final Buckets buckets;

    public LedgerProjection(MongoTemplate mongo, Directory directory, Buckets buckets) {
        this.mongo = mongo;
        this.directory = directory;
        this.buckets = buckets;
    }

    @Override
    public Subscription<TransactionPayload> subscription() {
        return Subscription.to(Streams.TRANSACTIONS, EventTypes.TRANSACTION_EVENTS, TransactionPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, TransactionPayload transaction) {
        handleAll(List.of(new DecodedEvent<>(event, transaction)));
    }

    /**
     * Brings the cells of every event in line, then recomputes the roll-ups above all of them once: a month's
     * roll-ups are summed once for all of the batch's transactions in that month, not once per transaction.
     */
    @Override
    public void handleAll(List<DecodedEvent<TransactionPayload>> events) {
        Set<BucketKey> cells = new LinkedHashSet<>();
        for (DecodedEvent<TransactionPayload> event : events) {
            if (crossesEntities(event.event(), event.payload())) {
                log.warn("Ignored {} of transaction {} in entity {}: it names a transaction, member or category of"
                        + " another entity", event.event().type(), event.event().aggregateId(),
                        event.event().entityId());
            } else {
                cells.addAll(settle(store(event.event(), event.payload())));
            }
        }
        buckets.refreshRollups(cells);
    }

    private boolean crossesEntities(EventEnvelope event, TransactionPayload transaction) {
        String entityId = event.entityId();
        Query byId = Mongo.byId(event.aggregateId());
        byId.fields().include(ENTITY);
        Document entry = mongo.findOne(byId, Document.class, LEDGER);
        return entry != null && !entityId.equals(entry.getString(ENTITY))
                || directory.memberOfAnother(entityId, transaction.userId())
                || directory.categoryOfAnother(entityId, transaction.categoryId());
    }

    /** The ledger entry as this event leaves it (only a newer version changes its state). */
    private Document store(EventEnvelope event, TransactionPayload transaction) {
        String entityId = event.entityId();
        // Known before any bucket mentions them: roll-ups enumerate members and categories.
        directory.registerMember(entityId, transaction.userId(), transaction.userName(), event.occurredAt());
        directory.registerCategory(entityId, transaction.categoryId(), transaction.categoryName(), event.occurredAt());

        String cell = cellOf(entityId, transaction).withinEntity();
        Mongo.upsert(mongo, LEDGER, event.aggregateId(), new Update().setOnInsert(ENTITY, entityId)
                .max(STATE, state(event.aggregateVersion(), isDeletion(event), transaction, cell))
                // Every cell the transaction has been in, so that a move away is undone even on a retry.
                .addToSet(CELLS, cell));
        return mongo.findOne(Mongo.byId(event.aggregateId()), Document.class, LEDGER);
    }

    private static boolean isDeletion(EventEnvelope event) {
        return event.type().equals(EventTypes.TRANSACTION_DELETED);
    }

    private static BucketKey cellOf(String entityId, TransactionPayload transaction) {
        return BucketKey.cell(entityId, transaction.date(), transaction.categoryId(), transaction.userId());
    }

    /** The version comes first: {@code $max} then keeps the state of the newest version, whatever the arrival order. */
    private static Document state(long version, boolean deleted, TransactionPayload transaction, String cell) {
        return new Document("v", version).append("deleted", deleted)
                .append("userId", transaction.userId()).append("userName", transaction.userName())
                .append("type", transaction.type())
                .append("amount", new Decimal128(transaction.amount())).append("categoryId", transaction.categoryId())
                .append("categoryName", transaction.categoryName()).append("date", transaction.date().toString())
                .append("description", transaction.description()).append("cell", cell);
    }

    /**
     * The ledger entry this projection stores for a transaction of {@code entityId} known by one event only. For
     * bulk loads (the benchmark): insert these, then {@link LedgerRebuild#rebuild()}.
     */
    public static Document entry(String entityId, String transactionId, long version, boolean deleted,
                                 TransactionPayload transaction) {
        String cell = cellOf(entityId, transaction).withinEntity();
        return new Document("_id", transactionId).append(ENTITY, entityId)
                .append(STATE, state(version, deleted, transaction, cell)).append(CELLS, List.of(cell));
    }

    /** Makes every cell the entry has been in agree with the entry's state; returns those cells. */
    List<BucketKey> settle(Document entry) {
        String entityId = entry.getString(ENTITY);
        String transactionToken = BucketKey.token(entry.getString("_id"));
        Document state = entry.get(STATE, Document.class);
        long version = ((Number) state.get("v")).longValue();
        TransactionType type = TransactionType.valueOf(state.getString("type"));
        boolean live = !state.getBoolean("deleted", false);
        String current = state.getString("cell");
        List<BucketKey> cells = new ArrayList<>();
        for (String cellId : entry.getList(CELLS, String.class, List.of())) {
            BucketKey cell = BucketKey.parseCell(entityId, cellId);
            boolean here = live && cellId.equals(current);
            buckets.contribute(cell, transactionToken, version, type, here ? state.get("amount", Decimal128.class) : null);
            cells.add(cell);
        }
        return cells;
    }
}
