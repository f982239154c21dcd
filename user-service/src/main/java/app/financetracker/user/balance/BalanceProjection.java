package app.financetracker.user.balance;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.TransactionTotals;
import app.financetracker.events.TransactionType;
import app.financetracker.kit.projection.VersionedProjection;
import app.financetracker.kit.stream.DecodedEvent;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import app.financetracker.user.member.Member;
import app.financetracker.user.member.MemberService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Balances from {@code events:transactions} (DESIGN §3, ADR 0008): one {@code balance_entries} document per
 * transaction, changed only by a newer {@code aggregateVersion}, which remembers every member that ever owned it;
 * each such member's {@code balance_books} document holds what the transaction contributes to them as of that
 * version (nothing, once moved away or deleted). The member's balance is then recomputed from their book, never
 * adjusted by increments. Every read and write goes by {@code _id}, so an event costs the same whatever the size
 * of the ledger (the embedded Mongo server scans a collection for any other query).
 *
 * <p>Entries, books and contributions carry the event's entity (DESIGN §9); a member's balance sums only the
 * contributions of the member's entity. An event that disagrees with what it would touch (a transaction of one
 * entity naming a member, or reusing a transaction id, of another) is a producer's defect: it is logged and
 * acknowledged, never applied across entities. What was written before entities existed is the default entity's.
 */
@Component
class BalanceProjection implements StreamEventHandler<TransactionPayload>, InitializingBean {

    static final String ENTRIES = "balance_entries";
    static final String BOOKS = "balance_books";
    private static final String ENTITY = "entityId";
    private static final Logger log = LoggerFactory.getLogger(BalanceProjection.class);

    private final MongoTemplate mongo;
    private final MemberService members;

    BalanceProjection(MongoTemplate mongo, MemberService members) {
        this.mongo = mongo;
        this.members = members;
    }

    /**
     * The entries' index, and a ledger kept before balance books existed is booked once, before the stream
     * consumers start (they start with the application context, after every bean is built).
     */
    @Override
    public void afterPropertiesSet() {
        VersionedProjection.ensureIndex(mongo, ENTRIES);
        if (!mongo.exists(new Query(), BOOKS)) {
            bookEveryEntry();
        }
    }

    @Override
    public Subscription<TransactionPayload> subscription() {
        return Subscription.to(Streams.TRANSACTIONS, EventTypes.TRANSACTION_EVENTS, TransactionPayload.class);
    }

    @Override
    public void handle(EventEnvelope event, TransactionPayload transaction) {
        handleAll(List.of(new DecodedEvent<>(event, transaction)));
    }

    /** Books every event, then sums each member they touched once, however many of their events the batch has. */
    @Override
    public void handleAll(List<DecodedEvent<TransactionPayload>> events) {
        Set<String> touched = new LinkedHashSet<>();
        for (DecodedEvent<TransactionPayload> event : events) {
            touched.addAll(book(event.event(), event.payload()));
        }
        touched.forEach(this::recompute);
    }

    /** Stores the entry and its contribution to every owner's book; returns those owners (none: ignored). */
    private List<String> book(EventEnvelope event, TransactionPayload transaction) {
        if (!sameEntity(event, transaction)) {
            return List.of();
        }
        boolean deleted = event.type().equals(EventTypes.TRANSACTION_DELETED);
        Update update = new Update().set(ENTITY, event.entityId()).set("userId", transaction.userId())
                .set("type", transaction.type())
                .set("amount", new Decimal128(transaction.amount())).set("deleted", deleted)
                .addToSet("owners", transaction.userId());
        VersionedProjection.applyIfNewer(mongo, ENTRIES, event.aggregateId(), event.aggregateVersion(), update);
        // From the stored entry, not the event: a stale or repeated event then re-writes the current state, and
        // a retry after a failure half-way completes the books and balances.
        Document entry = mongo.findById(event.aggregateId(), Document.class, ENTRIES);
        List<String> owners = owners(entry);
        owners.forEach(owner -> record(owner, entry));
        return owners;
    }

    /** Whether the event's entity is that of the member it names and of the entry it would change; warns if not. */
    private boolean sameEntity(EventEnvelope event, TransactionPayload transaction) {
        String memberEntity = members.entityOf(transaction.userId()).orElse(event.entityId());
        Document stored = mongo.findById(event.aggregateId(), Document.class, ENTRIES);
        String entryEntity = stored == null ? event.entityId() : entityOf(stored);
        if (memberEntity.equals(event.entityId()) && entryEntity.equals(event.entityId())) {
            return true;
        }
        log.warn("Ignored {} {} of entity {}: its member {} is of entity {}, its entry of entity {}", event.type(),
                event.aggregateId(), event.entityId(), transaction.userId(), memberEntity, entryEntity);
        return false;
    }

    /**
     * Writes the entry's contribution into the owner's book with {@code $max} on {@code {version, …}}: embedded
     * documents compare field by field, version first, so an older state never replaces a newer one.
     */
    private void record(String owner, Document entry) {
        boolean live = owner.equals(entry.getString("userId")) && !entry.getBoolean("deleted", false);
        Document contribution = new Document("version", entry.get(VersionedProjection.VERSION))
                .append("type", entry.getString("type")).append("amount", entry.get("amount")).append("live", live)
                .append(ENTITY, entityOf(entry));
        mongo.upsert(byId(owner), new Update().max("entries." + entry.getString("_id"), contribution)
                .setOnInsert(ENTITY, entityOf(entry)), BOOKS);
    }

    /** Writes every entry into its owners' books (one pass over the entries), then refreshes their balances. */
    void bookEveryEntry() {
        Set<String> touched = new LinkedHashSet<>();
        for (Document entry : mongo.findAll(Document.class, ENTRIES)) {
            for (String owner : owners(entry)) {
                record(owner, entry);
                touched.add(owner);
            }
        }
        touched.forEach(this::recompute);
    }

    /** Sums the live contributions of the member's entity in the member's book and stores the balance. */
    void recompute(String memberId) {
        members.refreshBalance(memberId, entityId -> sum(memberId, entityId));
    }

    private Member.Balance sum(String memberId, String entityId) {
        TransactionTotals totals = TransactionTotals.ZERO;
        Document book = mongo.findById(memberId, Document.class, BOOKS);
        Document entries = book == null ? new Document() : book.get("entries", new Document());
        for (Object value : entries.values()) {
            Document contribution = (Document) value;
            if (!contribution.getBoolean("live", false) || !entityOf(contribution).equals(entityId)) {
                continue;
            }
            TransactionType type = TransactionType.named(contribution.getString("type")).orElseThrow(
                    () -> new IllegalStateException("Unknown transaction type in book of " + memberId));
            totals = totals.plus(type, ((Decimal128) contribution.get("amount")).bigDecimalValue());
        }
        return Member.Balance.of(totals);
    }

    /** Every member the transaction ever belonged to (entries written before owners were kept: its member). */
    private static List<String> owners(Document entry) {
        List<String> owners = entry.getList("owners", String.class);
        return owners == null || owners.isEmpty() ? List.of(entry.getString("userId")) : owners;
    }

    /** The entity of an entry or contribution; one written before entities existed is the default entity's. */
    private static String entityOf(Document document) {
        String entityId = document.getString(ENTITY);
        return entityId == null ? EventEnvelope.DEFAULT_ENTITY : entityId;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
