package app.financetracker.transaction.ledger;

import app.financetracker.transaction.category.CategoryUsage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** A category is in use while a live transaction of its entity names it. */
@Component
class LedgerCategoryUsage implements CategoryUsage {

    private final MongoTemplate mongo;

    LedgerCategoryUsage(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean inUse(String entityId, String categoryId) {
        return mongo.exists(Query.query(Criteria.where("entityId").is(entityId).and("categoryId").is(categoryId)
                .and("deleted").is(false)), Transaction.class);
    }
}
