package app.financetracker.transaction.category;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.kit.outbox.Outbox;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Categories of each entity: unique names within it, a colour each; one in use cannot be deleted. Every method
 * acts within the entity it is given (DESIGN §9): another entity's category is not found, exactly like an unknown
 * one. Every change is written with its
 * event in one document write (ADR 0002); a rename reaches the transactions, in this service and in reports,
 * through that {@code CategoryUpdated} event (ADR 0018), never through a second write here that could fail.
 */
@Service
public class CategoryService implements InitializingBean {

    static final String DEFAULT_COLOR = "#607d8b";
    private static final String DELETED_KEY = "(deleted category) ";
    private static final String GLOBAL_NAME_INDEX = "nameKey";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final CategoryUsage usage;

    CategoryService(MongoTemplate mongo, OutboxRelay relay, CategoryUsage usage) {
        this.mongo = mongo;
        this.relay = relay;
        this.usage = usage;
    }

    /**
     * Before entities, names were unique across the whole database (a unique index on {@code nameKey} alone);
     * that index would refuse a second entity's "Camp", so it goes (idempotent: once gone, nothing to do).
     */
    @Override
    public void afterPropertiesSet() {
        if (mongo.indexOps(Category.class).getIndexInfo().stream()
                .anyMatch(index -> index.getName().equals(GLOBAL_NAME_INDEX))) {
            mongo.indexOps(Category.class).dropIndex(GLOBAL_NAME_INDEX);
        }
    }

    /**
     * The entity's category, unless unknown, deleted or another entity's (found by {@code _id} alone: never a
     * scan).
     */
    public Optional<Category> find(String entityId, String id) {
        return Optional.ofNullable(mongo.findById(id, Category.class))
                .filter(category -> !category.deleted() && category.entityId().equals(entityId));
    }

    List<Category> all(String entityId) {
        return mongo.find(Query.query(Criteria.where("entityId").is(entityId).and(Outbox.DELETED_FIELD).ne(true))
                .with(Sort.by("nameKey")), Category.class);
    }

    Category create(String entityId, CategoryRequest request) {
        Instant now = Instant.now();
        String name = request.name().strip();
        Category draft = new Category(UUID.randomUUID().toString(), entityId, name, key(name),
                request.color() == null ? DEFAULT_COLOR : request.color().toLowerCase(Locale.ROOT), now, now, 0,
                false, List.of());
        Category category = new Category(draft.id(), entityId, draft.name(), draft.nameKey(), draft.color(),
                draft.createdAt(), draft.updatedAt(), draft.version(), false,
                List.of(event(draft, EventTypes.CATEGORY_CREATED)));
        try {
            mongo.insert(category);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        relay.wakeUp(Category.COLLECTION, category.id());
        return category;
    }

    /** The change and its {@code CategoryUpdated} in one conditional write: applied whole, or not at all (409). */
    Category update(String entityId, String id, CategoryRequest request) {
        if (request.version() == null) {
            throw new BadRequestException("version", "version.required");
        }
        Category current = find(entityId, id).orElseThrow(() -> new NotFoundException("Category", id));
        String name = request.name().strip();
        Category after = new Category(id, entityId, name, key(name),
                request.color() == null ? current.color() : request.color().toLowerCase(Locale.ROOT),
                current.createdAt(), Instant.now(), request.version() + 1, false, List.of());
        Update update = new Update().set("name", after.name()).set("nameKey", after.nameKey())
                .set("color", after.color()).set("updatedAt", after.updatedAt());
        Category updated;
        try {
            updated = replace(id, request.version(), update, after, EventTypes.CATEGORY_UPDATED);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        if (updated == null) {
            throw new ConflictException("category.stale", id);
        }
        return updated;
    }

    /**
     * Marks the category deleted with its tombstone; the relay removes it once published (ADR 0002). Its name
     * is free at once: the unique key becomes one no name can have (longer than the 50 characters a name may).
     */
    void delete(String entityId, String id) {
        Category current = find(entityId, id).orElseThrow(() -> new NotFoundException("Category", id));
        if (usage.inUse(entityId, id)) {
            throw new ConflictException("category.inUse");
        }
        Category last = new Category(id, entityId, current.name(), current.nameKey(), current.color(),
                current.createdAt(), Instant.now(), current.version() + 1, true, List.of());
        Update update = new Update().set(Outbox.DELETED_FIELD, true).set("nameKey", DELETED_KEY + id)
                .set("updatedAt", last.updatedAt());
        if (replace(id, current.version(), update, last, EventTypes.CATEGORY_DELETED) == null) {
            throw new ConflictException("category.stale", id);
        }
    }

    /** Applies {@code update} if the stored version is still {@code expected}, with the event of {@code after}. */
    private Category replace(String id, long expected, Update update, Category after, String eventType) {
        update.set("version", after.version()).push(Outbox.FIELD, event(after, eventType));
        Category updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)
                        .and("entityId").is(after.entityId()).and("version").is(expected)
                        .and(Outbox.DELETED_FIELD).ne(true)), update, FindAndModifyOptions.options().returnNew(true),
                Category.class);
        if (updated != null) {
            relay.wakeUp(Category.COLLECTION, id);
        }
        return updated;
    }

    private static EventEnvelope event(Category category, String type) {
        return EventEnvelope.create(category.entityId(), type, category.id(), category.version(),
                EventCodec.write(category.payload()));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("category.nameTaken", name);
    }
}
