package app.financetracker.transaction.ledger;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.kit.outbox.Outbox;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.kit.web.PageResponse;
import app.financetracker.kit.web.SortParameter;
import app.financetracker.kit.web.UnprocessableException;
import app.financetracker.transaction.category.Category;
import app.financetracker.transaction.category.CategoryService;
import app.financetracker.transaction.member.MemberChanged;
import app.financetracker.transaction.member.MemberDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.types.Decimal128;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Transactions, each change written with its event in one document write (ADR 0002). A transaction refers to
 * a member known from this service's own projection of {@code events:users} and, optionally, a category. The
 * ledger depends on the member and category packages, never the reverse (ADR 0018): it follows their changes.
 * Everything happens within one entity (DESIGN §9): a transaction, its member and its category are of the same
 * one, and another entity's transaction, member or category is not found, exactly like an unknown one.
 */
@Service
public class TransactionService {

    private static final Map<String, String[]> SORTS = Map.of(
            "date", new String[] {"date", "createdAt"},
            "category", new String[] {"categoryName", "date"},
            "amount", new String[] {"amount"});
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "date", "createdAt");

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final MemberDirectory members;
    private final CategoryService categories;

    TransactionService(MongoTemplate mongo, OutboxRelay relay, MemberDirectory members, CategoryService categories) {
        this.mongo = mongo;
        this.relay = relay;
        this.members = members;
        this.categories = categories;
    }

    PageResponse<TransactionResponse> list(String entityId, TransactionFilter filter, Pageable pageable) {
        Query query = Query.query(filter.toCriteria(entityId));
        long total = mongo.count(query, Transaction.class);
        Sort sort = SortParameter.tieBreak(SortParameter.resolve(pageable.getSort(), SORTS, NEWEST_FIRST), Sort.by("_id"));
        List<Transaction> page = mongo.find(
                query.with(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)), Transaction.class);
        return PageResponse.of(new PageImpl<>(page, pageable, total), TransactionResponse::of);
    }

    TransactionResponse get(String entityId, String id) {
        return TransactionResponse.of(find(entityId, id));
    }

    TransactionResponse create(String entityId, TransactionRequest request) {
        String userName = memberName(entityId, request.userId());
        Category category = category(entityId, request.categoryId());
        Instant now = Instant.now();
        String id = UUID.randomUUID().toString();
        Transaction draft = new Transaction(id, entityId, request.userId(), userName, request.type(),
                request.amount(), category == null ? null : category.id(), category == null ? null : category.name(),
                request.date().toString(), clean(request.description()), now, now, 0, false, List.of());
        Transaction transaction = withEvent(draft, EventTypes.TRANSACTION_CREATED);
        mongo.insert(transaction);
        relay.wakeUp(Transaction.COLLECTION, id);
        catchUpWithACategoryRename(transaction);
        return TransactionResponse.of(transaction);
    }

    TransactionResponse update(String entityId, String id, TransactionRequest request) {
        if (request.version() == null) {
            throw new BadRequestException("version", "version.required");
        }
        Transaction current = find(entityId, id);
        String userName = memberName(entityId, request.userId());
        Category category = category(entityId, request.categoryId());
        Transaction changed = new Transaction(id, entityId, request.userId(), userName, request.type(),
                request.amount(), category == null ? null : category.id(), category == null ? null : category.name(),
                request.date().toString(), clean(request.description()), current.createdAt(), Instant.now(),
                request.version() + 1, false, List.of());
        Update update = new Update().set("userId", changed.userId()).set("userName", userName)
                .set("type", changed.type().name()).set("amount", new Decimal128(changed.amount()))
                .set("categoryId", changed.categoryId()).set("categoryName", changed.categoryName())
                .set("date", changed.date()).set("description", changed.description())
                .set("updatedAt", changed.updatedAt());
        Transaction updated = replace(id, request.version(), update, changed, EventTypes.TRANSACTION_UPDATED);
        if (updated == null) {
            throw new ConflictException("transaction.stale", id);
        }
        catchUpWithACategoryRename(updated);
        return TransactionResponse.of(updated);
    }

    void delete(String entityId, String id) {
        Transaction current = find(entityId, id);
        if (!tombstone(current)) {
            throw new ConflictException("transaction.stale", id);
        }
    }

    /** What follows a member's newest event, on every delivery of it (a retry completes a failed attempt). */
    @EventListener
    void memberChanged(MemberChanged member) {
        if (member.deleted()) {
            deleteAllOf(member.entityId(), member.memberId());
        } else {
            renameMember(member.entityId(), member.memberId(), member.displayName());
        }
    }

    /** Deletes every transaction of a member that no longer exists, each with its tombstone. */
    private void deleteAllOf(String entityId, String memberId) {
        for (Transaction transaction : live(Criteria.where("entityId").is(entityId).and("userId").is(memberId))) {
            tombstone(transaction);
        }
    }

    /** Keeps the copied member name current; the other services learn the new name from the same event. */
    private void renameMember(String entityId, String memberId, String userName) {
        mongo.updateMulti(Query.query(Criteria.where("entityId").is(entityId).and("userId").is(memberId)),
                new Update().set("userName", userName), Transaction.class);
    }

    /**
     * Keeps the copied category name current: one write per transaction still showing another name, nothing
     * published (the other services learn the new name from the category's own event, ADR 0018). Idempotent:
     * run again, it renames what a failed run left and nothing else.
     */
    void renameCategory(String entityId, String categoryId, String name) {
        mongo.updateMulti(Query.query(Criteria.where("entityId").is(entityId).and("categoryId").is(categoryId)
                .and("categoryName").ne(name)), new Update().set("categoryName", name), Transaction.class);
    }

    /**
     * A rename completed between this request's read of the category and its write has passed this transaction by
     * (it was not stored yet): the category is read again after the write, and a stale name set right (ADR 0018). Either the rename's pass comes after the write and sees it, or
     * this read comes after the rename and sees the new name.
     */
    private void catchUpWithACategoryRename(Transaction saved) {
        if (saved.categoryId() == null) {
            return;
        }
        categories.find(saved.entityId(), saved.categoryId()).filter(category -> !category.name().equals(saved.categoryName()))
                .ifPresent(category -> mongo.updateFirst(Query.query(Criteria.where("_id").is(saved.id())
                                .and("categoryId").is(category.id()).and("categoryName").ne(category.name())),
                        new Update().set("categoryName", category.name()), Transaction.class));
    }

    private List<Transaction> live(Criteria criteria) {
        return mongo.find(Query.query(criteria.and("deleted").is(false)), Transaction.class);
    }

    private boolean tombstone(Transaction current) {
        Transaction last = new Transaction(current.id(), current.entityId(), current.userId(), current.userName(),
                current.type(), current.amount(), current.categoryId(), current.categoryName(), current.date(),
                current.description(), current.createdAt(), Instant.now(), current.version() + 1, true, List.of());
        Update update = new Update().set(Outbox.DELETED_FIELD, true).set("updatedAt", last.updatedAt());
        boolean done = replace(current.id(), current.version(), update, last, EventTypes.TRANSACTION_DELETED) != null;
        return done;
    }

    /** Applies {@code update} if the stored version is still {@code expected}, with the event of {@code after}. */
    private Transaction replace(String id, long expected, Update update, Transaction after, String eventType) {
        update.set("version", after.version()).push(Outbox.FIELD, event(after, eventType));
        Transaction updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                        .and("entityId").is(after.entityId()).and("version").is(expected).and("deleted").is(false)),
                update, FindAndModifyOptions.options().returnNew(true), Transaction.class);
        if (updated != null) {
            relay.wakeUp(Transaction.COLLECTION, id);
        }
        return updated;
    }

    private static Transaction withEvent(Transaction t, String type) {
        return new Transaction(t.id(), t.entityId(), t.userId(), t.userName(), t.type(), t.amount(), t.categoryId(),
                t.categoryName(), t.date(), t.description(), t.createdAt(), t.updatedAt(), t.version(), t.deleted(),
                Outbox.append(t.outbox(), event(t, type)));
    }

    private static EventEnvelope event(Transaction t, String type) {
        return EventEnvelope.create(t.entityId(), type, t.id(), t.version(), EventCodec.write(t.payload()));
    }

    /** The entity's live transaction; another entity's is not found, like an unknown one. */
    private Transaction find(String entityId, String id) {
        Transaction transaction = mongo.findById(id, Transaction.class); // by _id alone: never a scan
        if (transaction == null || transaction.deleted() || !transaction.entityId().equals(entityId)) {
            throw new NotFoundException("Transaction", id);
        }
        return transaction;
    }

    /** The name of the entity's member; another entity's is refused exactly like an unknown one. */
    private String memberName(String entityId, String memberId) {
        return members.displayName(entityId, memberId)
                .orElseThrow(() -> new UnprocessableException("userId", "transaction.noMember", memberId));
    }

    private Category category(String entityId, String categoryId) {
        if (categoryId == null || categoryId.isBlank()) {
            return null;
        }
        return categories.find(entityId, categoryId)
                .orElseThrow(() -> new UnprocessableException("categoryId", "transaction.noCategory", categoryId));
    }

    private static String clean(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }
}
