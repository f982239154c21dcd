package app.financetracker.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.auth.TestNames;
import app.financetracker.kit.entity.DefaultEntityMigration;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@ServiceIntegrationTest
class AuditControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** Entries from before entities existed are the default entity's once migrated, and only its. */
    @Test
    void anEntryWithoutAnEntityIsTheDefaultEntitysAfterTheMigration() {
        String target = TestNames.unique("old-target");
        mongo.getCollection(AuditEntry.COLLECTION).insertOne(new Document("_id", TestNames.unique("old"))
                .append("at", java.util.Date.from(Instant.now())).append("actorId", "someone").append("actor", "old")
                .append("action", "ADMIN_CREATED").append("targetId", target).append("target", target));

        DefaultEntityMigration.migrate(mongo);

        var inDefault = Api.at("http://localhost:" + port).as(Tokens.admin()).get("/api/admins/audit?targetId=" + target);
        assertThat(inDefault.json().at("/page/totalElements").asInt()).isEqualTo(1);
        String other = TestNames.unique("iso-a");
        String username = TestNames.unique("super-a");
        Tokens.ensureUser(username, "SuperA@1234", Map.of(other, "super-admin"));
        var elsewhere = Api.at("http://localhost:" + port).as(Tokens.password(username, "SuperA@1234"))
                .get("/api/admins/audit?targetId=" + target);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().at("/page/totalElements").asInt()).isZero();
    }

    @Test
    void listsActionsNewestFirstInPagesOfTheDtoForm() {
        Api admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        String username = TestNames.unique("audited");
        String id = admin.post("/api/admins", Map.of("username", username, "email", username + "@example.org",
                "firstName", "Audit", "lastName", "Ed", "password", "Audit@1234")).at("/id");
        admin.put("/api/admins/" + id + "/enabled", Map.of("enabled", false));
        admin.delete("/api/admins/" + id);

        var page = admin.get("/api/admins/audit?size=2&page=0&targetId=" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().at("/page/size").asInt()).isEqualTo(2);
        assertThat(page.json().at("/page/number").asInt()).isZero();
        assertThat(page.json().at("/page/totalElements").asInt()).isEqualTo(3);
        assertThat(page.json().at("/page/totalPages").asInt()).isEqualTo(2);
        assertThat(page.at("/content/0/action")).isEqualTo("ADMIN_DELETED");
        assertThat(page.at("/content/1/action")).isEqualTo("ADMIN_DISABLED");
        assertThat(admin.get("/api/admins/audit?size=2&page=1&targetId=" + id).at("/content/0/action"))
                .isEqualTo("ADMIN_CREATED");
        assertThat(page.at("/content/0/actor")).isEqualTo("admin");
        assertThat(page.at("/content/0/target")).isEqualTo(username);

        // The whole trail, newest first; a client cannot ask for more than 100 at a time.
        var all = admin.get("/api/admins/audit?size=1000&sort=at,asc");
        assertThat(all.json().at("/page/size").asInt()).isEqualTo(100);
        List<Instant> times = all.json().at("/content").valueStream()
                .map(entry -> Instant.parse(entry.at("/at").asString())).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
}
