package app.financetracker.user.member;

import app.financetracker.events.EventTypes;
import app.financetracker.kit.outbox.Outbox;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.validation.StructuredReference;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.kit.web.PageResponse;
import app.financetracker.kit.web.SortParameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.annotation.Cacheable;
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
 * Members, read through a Redis cache (a profile per member, and list pages) with targeted invalidation: a
 * change to one member invalidates that member's profile and the list pages, nothing else (ADR 0005).
 *
 * <p>Every read and write acts in one entity (DESIGN §9), the request's: a member of another entity is not found,
 * exactly as an id that does not exist, and an e-mail address is unique within the entity.
 */
@Service
public class MemberService {

    static final String PROFILES = "member";
    static final String PAGES = "member-pages";
    private static final Map<String, String[]> SORTS = Map.of(
            "lastName", new String[] {"lastName", "firstName"},
            "firstName", new String[] {"firstName", "lastName"},
            "email", new String[] {"email"},
            "createdAt", new String[] {"createdAt"},
            "outstanding", new String[] {"balance.outstanding"});
    private static final String ENTITY = "entityId";
    /** Two members drawing the same of five billion references is rare; five draws in a row, impossible in practice. */
    private static final int MAX_REFERENCE_DRAWS = 5;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final MemberCacheKeys cacheKeys;
    private final Supplier<String> references;

    @Autowired
    MemberService(MongoTemplate mongo, OutboxRelay relay, MemberCacheKeys cacheKeys) {
        this(mongo, relay, cacheKeys, StructuredReference::forMember);
    }

    /** With the references drawn by {@code references} (a test makes them collide). */
    MemberService(MongoTemplate mongo, OutboxRelay relay, MemberCacheKeys cacheKeys, Supplier<String> references) {
        this.mongo = mongo;
        this.relay = relay;
        this.cacheKeys = cacheKeys;
        this.references = references;
    }

    @Cacheable(cacheNames = PROFILES, condition = "@memberCacheKeys.available()",
            key = "@memberCacheKeys.profile(#entityId, #id)")
    public MemberResponse get(String entityId, String id) {
        return MemberResponse.of(find(entityId, id));
    }

    @Cacheable(cacheNames = PAGES, condition = "@memberCacheKeys.available()", key = "@memberCacheKeys.page(#entityId, #filter.key() + '|' + #pageable.pageNumber + '|' + #pageable.pageSize + '|' + #pageable.sort)")
    public PageResponse<MemberResponse> list(String entityId, MemberFilter filter, Pageable pageable) {
        Criteria criteria = Criteria.where(ENTITY).is(entityId).and("deleted").is(false);
        if (!filter.tags().isEmpty()) {
            criteria = criteria.and("tags").in(filter.tags());
        }
        if (!filter.archived()) {
            criteria = criteria.and("archived").ne(true);
        }
        if (filter.q() != null) {
            // Literal, case-insensitive: the text is quoted, never read as a regex.
            Pattern literal = Pattern.compile(Pattern.quote(filter.q()), Pattern.CASE_INSENSITIVE);
            List<Criteria> any = new ArrayList<>(List.of(Criteria.where("firstName").regex(literal),
                    Criteria.where("lastName").regex(literal), Criteria.where("email").regex(literal),
                    Criteria.where("phone").regex(literal)));
            filter.referenceDigits().ifPresent(digits -> any.add(Criteria.where("reference").regex(digits)));
            criteria = criteria.orOperator(any);
        }
        Sort sort = SortParameter.resolve(pageable.getSort(), SORTS, Sort.by("_id"));
        Query query = Query.query(criteria);
        long total = mongo.count(query, Member.class);
        List<Member> members = mongo.find(query.with(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort)),
                Member.class);
        return PageResponse.of(new PageImpl<>(members, pageable, total), MemberResponse::of);
    }

    /**
     * Creates the member with a standing reference of their own: drawn at random, drawn again in the rare case
     * another member of the entity holds it (the unique index decides, concurrent creations included).
     */
    public MemberResponse create(String entityId, MemberRequest request) {
        String id = UUID.randomUUID().toString();
        MemberRequest clean = request.normalized();
        Instant now = Instant.now();
        for (int attempt = 1; ; attempt++) {
            Member member = new Member(id, entityId, clean.firstName(), clean.lastName(), clean.email(),
                    clean.phone(), clean.tags(), clean.language(), clean.iban(), false, references.get(),
                    Member.Balance.ZERO, 0, now, now, 0, false, List.of(MemberEvents.event(entityId,
                    EventTypes.USER_CREATED, id, 0, clean.firstName(), clean.lastName(), clean.email())));
            try {
                mongo.insert(member);
            } catch (DuplicateKeyException e) {
                if (!referenceTaken(e)) {
                    throw emailTaken(clean.email());
                }
                if (attempt == MAX_REFERENCE_DRAWS) {
                    throw e;
                }
                continue;
            }
            cacheKeys.listChanged(entityId);
            relay.wakeUp(Member.COLLECTION, id);
            return MemberResponse.of(member);
        }
    }

    /** Whether a duplicate key is the reference's (and not the e-mail address's). */
    static boolean referenceTaken(DuplicateKeyException e) {
        return String.valueOf(e.getMessage()).contains(Member.REFERENCE_INDEX);
    }

    public MemberResponse update(String entityId, String id, MemberRequest request) {
        if (request.version() == null) {
            throw new app.financetracker.kit.web.BadRequestException("version", "version.required");
        }
        MemberRequest clean = request.normalized();
        long next = request.version() + 1;
        Update update = new Update().set("firstName", clean.firstName()).set("lastName", clean.lastName())
                .set("email", clean.email()).set("phone", clean.phone()).set("tags", clean.tags())
                .set("language", clean.language()).set("iban", clean.iban()).set("updatedAt", Instant.now())
                .set("version", next)
                .push(Outbox.FIELD, MemberEvents.event(entityId, EventTypes.USER_UPDATED, id, next,
                        clean.firstName(), clean.lastName(), clean.email()));
        Member updated;
        try {
            updated = mongo.findAndModify(current(entityId, id, request.version()), update,
                    FindAndModifyOptions.options().returnNew(true), Member.class);
        } catch (DuplicateKeyException e) {
            throw emailTaken(clean.email());
        }
        if (updated == null) {
            throw staleOrMissing(entityId, id);
        }
        cacheKeys.memberChanged(entityId, id);
        relay.wakeUp(Member.COLLECTION, id);
        return MemberResponse.of(updated);
    }

    /**
     * Archives the member (or brings them back): left out of lists unless asked for, and out of billing runs and
     * reminders; their history and balance stay. Doing it twice changes nothing more.
     */
    public MemberResponse archive(String entityId, String id, boolean archived) {
        Member member = find(entityId, id);
        if (member.isArchived() == archived) {
            return MemberResponse.of(member);
        }
        long next = member.version() + 1;
        Update update = new Update().set("archived", archived).set("version", next).set("updatedAt", Instant.now())
                .push(Outbox.FIELD, MemberEvents.event(entityId, EventTypes.USER_UPDATED, id, next,
                        member.firstName(), member.lastName(), member.email()));
        Member updated = mongo.findAndModify(current(entityId, id, member.version()), update,
                FindAndModifyOptions.options().returnNew(true), Member.class);
        if (updated == null) {
            throw staleOrMissing(entityId, id);
        }
        cacheKeys.memberChanged(entityId, id);
        relay.wakeUp(Member.COLLECTION, id);
        return MemberResponse.of(updated);
    }

    /** Soft-deletes the member with its tombstone; the relay removes the document once that is published. */
    public void delete(String entityId, String id) {
        Member member = find(entityId, id);
        long next = member.version() + 1;
        Update update = new Update().set(Outbox.DELETED_FIELD, true).set("version", next).set("updatedAt", Instant.now())
                .push(Outbox.FIELD, MemberEvents.event(entityId, EventTypes.USER_DELETED, id, next, member.firstName(),
                        member.lastName(), member.email()));
        if (mongo.updateFirst(current(entityId, id, member.version()), update, Member.class).getModifiedCount() == 0) {
            throw staleOrMissing(entityId, id);
        }
        cacheKeys.memberChanged(entityId, id);
        relay.wakeUp(Member.COLLECTION, id);
    }

    /**
     * The entity a member (deleted or not) belongs to, if the member exists: what a transaction event that names
     * them must agree with. By {@code _id} alone, never a scan.
     */
    public Optional<String> entityOf(String id) {
        return Optional.ofNullable(mongo.findById(id, Member.class)).map(Member::entityId);
    }

    /**
     * Stores the balance {@code compute} sums from the member's entries of the member's entity (its argument),
     * after one of them changed. Instances may do this at the same time for one member; each first bumps
     * {@code balanceSeq}, then stores its sum only if no other entry change was announced since it read the
     * sequence, and otherwise sums again. The last entry written is thus always in the stored balance (ADR 0008).
     */
    public void refreshBalance(String id, Function<String, Member.Balance> compute) {
        Query member = Query.query(Criteria.where("_id").is(id));
        mongo.updateFirst(member, new Update().inc("balanceSeq", 1), Member.class);
        while (true) {
            Member current = mongo.findOne(member, Member.class);
            if (current == null) {
                return;
            }
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("balanceSeq").is(current.balanceSeq()));
            if (mongo.updateFirst(unchanged, new Update().set("balance", compute.apply(current.entityId())),
                    Member.class).getMatchedCount() == 1) {
                cacheKeys.memberChanged(current.entityId(), id);
                return;
            }
        }
    }

    /** The member, if it exists in the entity: another entity's member is a 404 exactly like an unknown id. */
    private Member find(String entityId, String id) {
        Member member = mongo.findById(id, Member.class); // by _id alone: never a scan
        if (member == null || member.deleted() || !entityId.equals(member.entityId())) {
            throw new NotFoundException("Member", id);
        }
        return member;
    }

    private static Query current(String entityId, String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and(ENTITY).is(entityId).and("version").is(version)
                .and("deleted").is(false));
    }

    private RuntimeException staleOrMissing(String entityId, String id) {
        find(entityId, id); // 404 when it is gone, or another entity's
        return new ConflictException("member.stale", id);
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("member.emailTaken", email);
    }
}
