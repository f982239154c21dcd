package app.financetracker.kit.entity;

import app.financetracker.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Data from before entities existed moves into the default entity (DESIGN §9): at every start, each document of
 * the service's database without an {@code entityId} gets {@value EventEnvelope#DEFAULT_ENTITY}. One update per
 * collection that only adds a field: idempotent, nothing removed, and a crash half-way is finished by the next
 * start. Runs once every bean exists and before the web server and the stream consumers start (both are lifecycle
 * beans), so no request or event ever sees a document without its entity. Events still pending in an outbox, or
 * in a stream, without an entity are read as the default entity's ({@link EventEnvelope}).
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
public class DefaultEntityMigration {

    public static final String FIELD = "entityId";

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    SmartInitializingSingleton defaultEntityMigration(MongoTemplate mongo) {
        return () -> migrate(mongo);
    }

    /** Moves every document without an entity into the default entity; the number of documents moved. */
    public static long migrate(MongoTemplate mongo) {
        Logger log = LoggerFactory.getLogger(DefaultEntityMigration.class);
        long moved = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (collection.startsWith("system.")) {
                continue;
            }
            long count = mongo.updateMulti(Query.query(Criteria.where(FIELD).exists(false)),
                    Update.update(FIELD, EventEnvelope.DEFAULT_ENTITY), collection).getModifiedCount();
            if (count > 0) {
                log.info("Moved {} documents of {} into the default entity", count, collection);
            }
            moved += count;
        }
        return moved;
    }
}
