package app.financetracker.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.auth.TestNames;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class AuditControllerTest {

    @LocalServerPort
    int port;

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
