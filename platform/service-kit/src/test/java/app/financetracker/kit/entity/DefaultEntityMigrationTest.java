package app.financetracker.kit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Infra;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Data written before entities existed lands in the default entity, once, and nothing else changes. */
class DefaultEntityMigrationTest {

    @Test
    void documentsWithoutAnEntityMoveIntoTheDefaultOneAndOthersStayWhereTheyAre() {
        try (MongoClient client = MongoClients.create(Infra.get().mongoUri())) {
            MongoTemplate mongo = new MongoTemplate(client, "migration-" + UUID.randomUUID());
            mongo.insert(new Document("_id", "m1").append("firstName", "Lucas"), "users");
            mongo.insert(new Document("_id", "m2").append("firstName", "Emma").append("entityId", "unit-7"), "users");
            mongo.insert(new Document("_id", "t1").append("amount", 30), "transactions");

            assertThat(DefaultEntityMigration.migrate(mongo)).isEqualTo(2);
            assertThat(DefaultEntityMigration.migrate(mongo)).as("a second start moves nothing").isZero();

            assertThat(mongo.findById("m1", Document.class, "users"))
                    .containsEntry("entityId", "default").containsEntry("firstName", "Lucas");
            assertThat(mongo.findById("m2", Document.class, "users")).containsEntry("entityId", "unit-7");
            assertThat(mongo.findById("t1", Document.class, "transactions")).containsEntry("entityId", "default")
                    .containsEntry("amount", 30);
            mongo.getDb().drop();
        }
    }
}
