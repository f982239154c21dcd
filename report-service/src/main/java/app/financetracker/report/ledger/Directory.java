package app.financetracker.report.ledger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The members and categories this service has heard of, with their display names: members from
 * {@code events:users}, categories from {@code events:categories} (and any member or category a transaction
 * names, so that a transaction arriving before them still counts). Reports enumerate buckets over these lists
 * (ADR 0020) and take names from here, never from the transactions: a rename is one event, not one per
 * transaction (ADR 0018). Names are versioned: a late, older event never brings back an old name.
 */
@Component
public class Directory {

    public static final String MEMBERS = "ledger_members";
    public static final String CATEGORIES = "ledger_categories";

    /** A member or category as reports show it; {@code name} is null until an event told us. */
    public record Entry(String id, String token, String name) {
    }

    private final MongoTemplate mongo;

    public Directory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Makes the member known. {@code nameOnTransaction} (the name a transaction carries; the newest event's
     * wins) is shown only while no member event has named them.
     */
    void registerMember(String memberId, String nameOnTransaction, Instant occurredAt) {
        Update update = new Update().setOnInsert("token", BucketKey.token(memberId));
        if (nameOnTransaction != null) {
            update.max("fromTransaction", new Document("at", occurredAt.toEpochMilli()).append("name", nameOnTransaction));
        }
        Mongo.upsert(mongo, MEMBERS, memberId, update);
    }

    /**
     * Makes the category known. {@code name} (the name a transaction carries; the newest event's wins) is shown
     * only while no category event has named it.
     */
    void registerCategory(String categoryId, String name, Instant occurredAt) {
        Update update = new Update().setOnInsert("categoryId", categoryId);
        if (name != null) {
            update.max("named", new Document("at", occurredAt.toEpochMilli()).append("name", name));
        }
        Mongo.upsert(mongo, CATEGORIES, BucketKey.categoryToken(categoryId), update);
    }

    /** Stores a member's names as of {@code version} of the member, unless a newer version is stored. */
    void applyMember(String memberId, long version, String firstName, String lastName, boolean deleted) {
        Mongo.upsert(mongo, MEMBERS, memberId, new Update().setOnInsert("token", BucketKey.token(memberId))
                .max("member", new Document("v", version).append("firstName", firstName)
                        .append("lastName", lastName).append("deleted", deleted)));
    }

    /** Stores a category's name as of {@code version} of the category, unless a newer version is stored. */
    void applyCategory(String categoryId, long version, String name, boolean deleted) {
        Mongo.upsert(mongo, CATEGORIES, BucketKey.categoryToken(categoryId), new Update()
                .setOnInsert("categoryId", categoryId)
                .max("category", new Document("v", version).append("name", name).append("deleted", deleted)));
    }

    public boolean knowsMember(String memberId) {
        return mongo.exists(Mongo.byId(memberId), MEMBERS);
    }

    public boolean knowsCategory(String categoryId) {
        return mongo.exists(Mongo.byId(BucketKey.categoryToken(categoryId)), CATEGORIES);
    }

    /** Every member ever heard of (deleted ones too: their past transactions still count), by id. */
    public Map<String, Entry> members() {
        Map<String, Entry> members = new LinkedHashMap<>();
        for (Document member : all(MEMBERS)) {
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

    /** Every category ever seen on a transaction, by token ({@link BucketKey#NONE} for "no category"). */
    public Map<String, Entry> categories() {
        Map<String, Entry> categories = new LinkedHashMap<>();
        for (Document category : all(CATEGORIES)) {
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

    List<String> memberTokens() {
        return ids(MEMBERS).stream().map(BucketKey::token).toList();
    }

    List<String> categoryTokens() {
        return ids(CATEGORIES);
    }

    private List<String> ids(String collection) {
        Query query = new Query();
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream().map(d -> d.getString("_id")).toList();
    }

    private List<Document> all(String collection) {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, collection);
    }
}
