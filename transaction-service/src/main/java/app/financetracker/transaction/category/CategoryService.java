package app.financetracker.transaction.category;

import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.transaction.ledger.TransactionService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Categories: unique names, a colour each; one in use cannot be deleted; a rename reaches its transactions. */
@Service
public class CategoryService {

    static final String DEFAULT_COLOR = "#607d8b";

    private final MongoTemplate mongo;
    private final TransactionService transactions;

    CategoryService(MongoTemplate mongo, @Lazy TransactionService transactions) {
        this.mongo = mongo;
        this.transactions = transactions;
    }

    public Optional<Category> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Category.class));
    }

    List<Category> all() {
        return mongo.find(new Query().with(Sort.by("nameKey")), Category.class);
    }

    Category create(CategoryRequest request) {
        Instant now = Instant.now();
        String name = request.name().strip();
        Category category = new Category(UUID.randomUUID().toString(), name, key(name),
                request.color() == null ? DEFAULT_COLOR : request.color().toLowerCase(Locale.ROOT), now, now, 0);
        try {
            return mongo.insert(category);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
    }

    Category update(String id, CategoryRequest request) {
        if (request.version() == null) {
            throw new BadRequestException("version", "is required to update");
        }
        Category current = find(id).orElseThrow(() -> new NotFoundException("Category", id));
        String name = request.name().strip();
        Update update = new Update().set("name", name).set("nameKey", key(name))
                .set("color", request.color() == null ? current.color() : request.color().toLowerCase(Locale.ROOT))
                .set("updatedAt", Instant.now()).set("version", request.version() + 1);
        Category updated;
        try {
            updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("version").is(request.version())),
                    update, FindAndModifyOptions.options().returnNew(true), Category.class);
        } catch (DuplicateKeyException e) {
            throw nameTaken(name);
        }
        if (updated == null) {
            throw new ConflictException("Category " + id + " was changed in the meantime: reload it and try again.");
        }
        if (!updated.name().equals(current.name())) {
            transactions.renameCategory(id, updated.name());
        }
        return updated;
    }

    void delete(String id) {
        find(id).orElseThrow(() -> new NotFoundException("Category", id));
        if (transactions.anyInCategory(id)) {
            throw new ConflictException("This category is used by transactions: move them to another category first.");
        }
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Category.class);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("A category named " + name + " already exists.");
    }
}
