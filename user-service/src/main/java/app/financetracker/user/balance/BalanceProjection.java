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
 */
@Component
class BalanceProjection implements StreamEventHandler<TransactionPayload>, InitializingBean {

    static final String ENTRIES = "balance_entries";
    static final String BOOKS = "balance_books";

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

    /** Stores the entry and its contribution to every owner's book; returns those owners. */
    private List<String> book(EventEnvelope event, TransactionPayload transaction) {
        boolean deleted = event.type().equals(EventTypes.TRANSACTION_DELETED);
        Update update = new Update().set("userId", transaction.userId()).set("type", transaction.type())
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

    /**
     * Writes the entry's contribution into the owner's book with {@code $max} on {@code {version, …}}: embedded
     * documents compare field by field, version first, so an older state never replaces a newer one.
     */
    private void record(String owner, Document entry) {
        boolean live = owner.equals(entry.getString("userId")) && !entry.getBoolean("deleted", false);
        Document contribution = new Document("version", entry.get(VersionedProjection.VERSION))
                .append("type", entry.getString("type")).append("amount", entry.get("amount")).append("live", live);
        mongo.upsert(byId(owner), new Update().max("entries." + entry.getString("_id"), contribution), BOOKS);
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

    /** Sums the live contributions in the member's book and stores the balance. */
    void recompute(String memberId) {
        members.refreshBalance(memberId, () -> sum(memberId));
    }

    private Member.Balance sum(String memberId) {
        TransactionTotals totals = TransactionTotals.ZERO;
        Document book = mongo.findById(memberId, Document.class, BOOKS);
        Document entries = book == null ? new Document() : book.get("entries", new Document());
        for (Object value : entries.values()) {
            Document contribution = (Document) value;
            if (!contribution.getBoolean("live", false)) {
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

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
