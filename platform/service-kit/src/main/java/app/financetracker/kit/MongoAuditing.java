package app.financetracker.kit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.data.mongodb.config.EnableMongoAuditing;

/** {@code @CreatedDate} and {@code @LastModifiedDate} on every service's documents. */
@AutoConfiguration
@EnableMongoAuditing
public class MongoAuditing {
}
