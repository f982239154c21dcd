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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.types.Decimal128;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
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
        Transaction transaction = prepare(entityId, request);
        mongo.insert(transaction);
        relay.wakeUp(Transaction.COLLECTION, transaction.id());
        catchUpWithACategoryRename(transaction);
        return TransactionResponse.of(transaction);
    }

    /**
     * The new transaction {@code request} describes, with its event, not stored yet: its member and category must
     * be the entity's, else a 422 on {@code userId} or {@code categoryId}.
     */
    private Transaction prepare(String entityId, TransactionRequest request) {
        return build(entityId, request, memberName(entityId, request.userId(), ""),
                category(entityId, request.categoryId(), ""));
    }

    /** {@link #prepare} for each of {@code requests} (a 422 names "transactions[i].userId"), each member read once. */
    List<Transaction> prepareAll(String entityId, List<TransactionRequest> requests) {
        Map<String, String> names = new HashMap<>();
        Map<String, Category> categoriesById = new HashMap<>();
        List<Transaction> prepared = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            TransactionRequest request = requests.get(i);
            String prefix = "transactions[" + i + "].";
            String name = names.computeIfAbsent(request.userId(), id -> memberName(entityId, id, prefix));
            Category category = request.categoryId() == null || request.categoryId().isBlank() ? null
                    : categoriesById.computeIfAbsent(request.categoryId(), id -> category(entityId, id, prefix));
            prepared.add(build(entityId, request, name, category));
        }
        return prepared;
    }

    private Transaction build(String entityId, TransactionRequest request, String userName, Category category) {
        Instant now = Instant.now();
        Transaction draft = new Transaction(UUID.randomUUID().toString(), entityId, request.userId(), userName,
                request.type(), request.amount(), category == null ? null : category.id(),
                category == null ? null : category.name(), request.date().toString(), clean(request.description()),
                now, now, 0, false, List.of());
        return withEvent(draft, EventTypes.TRANSACTION_CREATED);
    }

    /**
     * Stores prepared transactions that are not stored yet (a repeated call skips those that are: they keep their
     * ids), then sets right the category names a rename changed meanwhile (ADR 0018).
     */
    void insertAll(List<Transaction> prepared) {
        while (true) {
            Set<String> stored = new HashSet<>(mongo.findDistinct(Query.query(Criteria.where("_id")
                    .in(prepared.stream().map(Transaction::id).toList())), "_id", Transaction.class, String.class));
            List<Transaction> missing = prepared.stream().filter(t -> !stored.contains(t.id())).toList();
            try {
                if (!missing.isEmpty()) {
                    mongo.insert(missing, Transaction.class);
                }
                missing.forEach(t -> relay.wakeUp(Transaction.COLLECTION, t.id()));
                break;
            } catch (DuplicateKeyException e) {
                // Another call completing the same batch wrote some of them meanwhile: what is left, again.
            }
        }
        prepared.stream().filter(t -> t.categoryId() != null).map(t -> Map.entry(t.entityId(), t.categoryId()))
                .distinct().forEach(c -> categories.find(c.getKey(), c.getValue())
                        .ifPresent(category -> renameCategory(c.getKey(), c.getValue(), category.name())));
    }

    TransactionResponse update(String entityId, String id, TransactionRequest request) {
        if (request.version() == null) {
            throw new BadRequestException("version", "version.required");
        }
        Transaction current = find(entityId, id);
        String userName = memberName(entityId, request.userId(), "");
        Category category = category(entityId, request.categoryId(), "");
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
    private String memberName(String entityId, String memberId, String fieldPrefix) {
        return members.displayName(entityId, memberId).orElseThrow(() ->
                new UnprocessableException(fieldPrefix + "userId", "transaction.noMember", memberId));
    }

    private Category category(String entityId, String categoryId, String fieldPrefix) {
        if (categoryId == null || categoryId.isBlank()) {
            return null;
        }
        return categories.find(entityId, categoryId).orElseThrow(() ->
                new UnprocessableException(fieldPrefix + "categoryId", "transaction.noCategory", categoryId));
    }

    private static String clean(String description) {
        return description == null || description.isBlank() ? null : description.strip();
    }
}
