package app.financetracker.report.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The members and categories this service has heard of, with their display names: members from
 * {@code events:users}, categories from {@code events:categories} (and any member or category a transaction
 * names, so that a transaction arriving before them still counts). Reports enumerate buckets over these lists
 * (ADR 0020) and take names from here, never from the transactions: a rename is one event, not one per
 * transaction (ADR 0018). Names are versioned: a late, older event never brings back an old name.
 *
 * <p>Each member and category belongs to the entity of the first event that named it ({@code entityId}, never
 * changed), and is read only within it (DESIGN §9). "No category" is not stored: every entity has it
 * ({@link BucketKey#NONE}).
 */
@Component
public class Directory implements InitializingBean {

    public static final String MEMBERS = "ledger_members";
    public static final String CATEGORIES = "ledger_categories";
    static final String ENTITY = "entityId";

    /** A member or category as reports show it; {@code name} is null until an event told us. */
    public record Entry(String id, String token, String name) {
    }

    private static final Entry NO_CATEGORY = new Entry(null, BucketKey.NONE, null);

    private final MongoTemplate mongo;

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reports list an entity's members and categories: indexes that lead with the entity. */
    @Override
    public void afterPropertiesSet() {
        for (String collection : List.of(MEMBERS, CATEGORIES)) {
            mongo.indexOps(collection).createIndex(new Index().on(ENTITY, Sort.Direction.ASC)
                    .on("_id", Sort.Direction.ASC).named("entity_id"));
        }
    }

    /**
     * Makes the member known in the entity. {@code nameOnTransaction} (the name a transaction carries; the
     * newest event's wins) is shown only while no member event has named them.
     */
    void registerMember(String entityId, String memberId, String nameOnTransaction, Instant occurredAt) {
        Update update = new Update().setOnInsert(ENTITY, entityId).setOnInsert("token", BucketKey.token(memberId));
        if (nameOnTransaction != null) {
            update.max("fromTransaction", new Document("at", occurredAt.toEpochMilli()).append("name", nameOnTransaction));
        }
        Mongo.upsert(mongo, MEMBERS, memberId, update);
    }

    /**
     * Makes the category known in the entity (nothing to do for "no category"). {@code name} (the name a
     * transaction carries; the newest event's wins) is shown only while no category event has named it.
     */
    void registerCategory(String entityId, String categoryId, String name, Instant occurredAt) {
        if (categoryId == null) {
            return;
        }
        Update update = new Update().setOnInsert(ENTITY, entityId).setOnInsert("categoryId", categoryId);
        if (name != null) {
            update.max("named", new Document("at", occurredAt.toEpochMilli()).append("name", name));
        }
        Mongo.upsert(mongo, CATEGORIES, BucketKey.categoryToken(categoryId), update);
    }

    /** Stores a member's names as of {@code version} of the member, unless a newer version is stored. */
    void applyMember(String entityId, String memberId, long version, String firstName, String lastName,
                     boolean deleted) {
        Mongo.upsert(mongo, MEMBERS, memberId, new Update().setOnInsert(ENTITY, entityId)
                .setOnInsert("token", BucketKey.token(memberId))
                .max("member", new Document("v", version).append("firstName", firstName)
                        .append("lastName", lastName).append("deleted", deleted)));
    }

    /** Stores a category's name as of {@code version} of the category, unless a newer version is stored. */
    void applyCategory(String entityId, String categoryId, long version, String name, boolean deleted) {
        Mongo.upsert(mongo, CATEGORIES, BucketKey.categoryToken(categoryId), new Update()
                .setOnInsert(ENTITY, entityId).setOnInsert("categoryId", categoryId)
                .max("category", new Document("v", version).append("name", name).append("deleted", deleted)));
    }

    /** Whether the member is known in another entity than {@code entityId} (an event naming them there is a defect). */
    boolean memberOfAnother(String entityId, String memberId) {
        return ofAnother(entityId, MEMBERS, memberId);
    }

    /** Whether the category is known in another entity than {@code entityId}. */
    boolean categoryOfAnother(String entityId, String categoryId) {
        return categoryId != null && ofAnother(entityId, CATEGORIES, BucketKey.categoryToken(categoryId));
    }

    private boolean ofAnother(String entityId, String collection, String id) {
        String owner = entityOf(collection, id);
        return owner != null && !owner.equals(entityId);
    }

    /** Known in this entity; another entity's member is unknown here (found by {@code _id} alone: never a scan). */
    public boolean knowsMember(String entityId, String memberId) {
        return entityId.equals(entityOf(MEMBERS, memberId));
    }

    public boolean knowsCategory(String entityId, String categoryId) {
        return entityId.equals(entityOf(CATEGORIES, BucketKey.categoryToken(categoryId)));
    }

    private String entityOf(String collection, String id) {
        Query byId = Mongo.byId(id);
        byId.fields().include(ENTITY);
        Document found = mongo.findOne(byId, Document.class, collection);
        return found == null ? null : found.getString(ENTITY);
    }

    /** Every member the entity ever had (deleted ones too: their past transactions still count), by id. */
    public Map<String, Entry> members(String entityId) {
        Map<String, Entry> members = new LinkedHashMap<>();
        for (Document member : all(entityId, MEMBERS)) {
            String id = member.getString("_id");
            members.put(id, new Entry(id, BucketKey.token(id), memberName(member)));
        }
        return members;
    }

    private static String memberName(Document member) {
        Document names = member.get("member", Document.class);
        if (names != null && (names.getString("firstName") != null || names.getString("lastName") != null)) {
            String first = names.getString("firstName");
            String last = names.getString("lastName");
            return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        }
        Document fromTransaction = member.get("fromTransaction", Document.class);
        return fromTransaction == null ? null : fromTransaction.getString("name");
    }

    /**
     * Every category the entity ever had, by token, and {@link BucketKey#NONE} for "no category". A "no
     * category" document stored before entities (one for all) reads as that same entry.
     */
    public Map<String, Entry> categories(String entityId) {
        Map<String, Entry> categories = new LinkedHashMap<>();
        categories.put(BucketKey.NONE, NO_CATEGORY);
        for (Document category : all(entityId, CATEGORIES)) {
            String token = category.getString("_id");
            categories.put(token, new Entry(category.getString("categoryId"), token, categoryName(category)));
        }
        return categories;
    }

    private static String categoryName(Document category) {
        Document fromCategory = category.get("category", Document.class);
        if (fromCategory != null && fromCategory.getString("name") != null) {
            return fromCategory.getString("name");
        }
        Document fromTransaction = category.get("named", Document.class);
        return fromTransaction == null ? null : fromTransaction.getString("name");
    }

    List<String> memberTokens(String entityId) {
        return ids(entityId, MEMBERS).stream().map(BucketKey::token).toList();
    }

    List<String> categoryTokens(String entityId) {
        Set<String> tokens = new LinkedHashSet<>(ids(entityId, CATEGORIES));
        tokens.add(BucketKey.NONE);
        return List.copyOf(tokens);
    }

    private List<String> ids(String entityId, String collection) {
        Query query = Query.query(Criteria.where(ENTITY).is(entityId));
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream().map(d -> d.getString("_id")).toList();
    }

    private List<Document> all(String entityId, String collection) {
        return mongo.find(Query.query(Criteria.where(ENTITY).is(entityId)).with(Sort.by("_id")), Document.class,
                collection);
    }
}
