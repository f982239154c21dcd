package app.financetracker.kit;

import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * {@code /actuator/health}'s Mongo check: a {@code ping} to the service's own database. Boot's check sends
 * {@code hello} to every database, which the embedded server of the local stack does not know, so the health
 * of every service read DOWN there; {@code ping} is answered by MongoDB and the embedded server alike, and
 * still fails when the server cannot be reached. Named as Boot's, which then steps aside (after the Mongo template
 * exists, before Boot's check is considered).
 */
@AutoConfiguration(after = DataMongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
public class MongoHealth {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnBean(MongoTemplate.class)
    PingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new PingHealthIndicator(mongo);
    }

    /** UP with the database's name when it answers a ping, DOWN with the error otherwise. */
    public static class PingHealthIndicator extends AbstractHealthIndicator {

        private final MongoTemplate mongo;

        public PingHealthIndicator(MongoTemplate mongo) {
            super("MongoDB ping failed");
            this.mongo = mongo;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            mongo.executeCommand(new Document("ping", 1));
            builder.up().withDetail("database", mongo.getDb().getName());
        }
    }
}
