package app.financetracker.user.member;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Before entities, an e-mail address was unique in the whole deployment (the index {@value #GLOBAL_EMAIL}); now it
 * is unique within one entity ({@link Member#EMAIL_INDEX}), so the old index, which would refuse the same address in
 * two entities, is dropped where it still exists. Idempotent; runs before the web server takes requests.
 */
@Component
class MemberIndexes implements InitializingBean {

    private static final String GLOBAL_EMAIL = "email";

    private final MongoTemplate mongo;

    MemberIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(Member.COLLECTION);
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals(GLOBAL_EMAIL))) {
            indexes.dropIndex(GLOBAL_EMAIL);
        }
    }
}
