package app.financetracker.kit;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.kit.MongoHealth.PingHealthIndicator;
import app.financetracker.launcher.Net;
import app.financetracker.testkit.Infra;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What a monitor reading {@code /actuator/health} learns about Mongo: UP on the embedded server, DOWN without one. */
class MongoHealthTest {

    @Test
    void upWhenTheServerAnswers() {
        try (MongoClient client = MongoClients.create(Infra.get().mongoUri())) {
            var health = new PingHealthIndicator(new MongoTemplate(client, "health-test")).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("database", "health-test");
        }
    }

    @Test
    void downWhenNoServerAnswers() {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + Net.freePort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(500, TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            var health = new PingHealthIndicator(new MongoTemplate(client, "health-test")).health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
