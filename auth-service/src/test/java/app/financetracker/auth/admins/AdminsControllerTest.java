package app.financetracker.auth.admins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.financetracker.auth.TestKeycloak;
import app.financetracker.auth.TestNames;
import app.financetracker.events.AdminPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AdminsControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    private Api api() {
        return Api.at("http://localhost:" + port);
    }

    private Api superAdmin() {
        return api().as(Tokens.admin());
    }

    private static Map<String, Object> newAdmin(String username, String password, boolean superAdmin) {
        return Map.of("username", username, "email", username + "@example.org", "firstName", "Test",
                "lastName", username, "password", password, "superAdmin", superAdmin);
    }

    private Api.Response created(Map<String, Object> admin) {
        var created = superAdmin().post("/api/admins", admin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private List<String> actionsOn(String id) {
        var audit = superAdmin().get("/api/admins/audit?size=50&targetId=" + id);
        assertThat(audit.status()).isEqualTo(200);
        return audit.json().at("/content").valueStream().map(entry -> entry.at("/action").asString()).toList();
    }

    /**
     * Revocation (DESIGN §4, ADR 0014): the deleted admin's token, still unexpired, is refused within 2 s: the
     * deletion's event goes out through the audit entry's outbox on events:admins, and this service's feed reads it.
     */
    @Test
    void aDeletedAdminsTokenIsRefusedWithinTwoSecondsAndTheRevocationIsOnTheStream() {
        String username = TestNames.unique("revoked");
        String id = created(newAdmin(username, "Revoked@1234", false)).at("/id");
        Api revoked = api().as(Tokens.password(username, "Revoked@1234"));
        assertThat(revoked.get("/api/me").status()).isEqualTo(200);

        assertThat(superAdmin().delete("/api/admins/" + id).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> revoked.get("/api/me").status() == 401);
        assertThat(revocationsOf(id)).singleElement().satisfies(envelope -> {
            assertThat(envelope.type()).isEqualTo(EventTypes.ADMIN_DELETED);
            assertThat(EventCodec.read(envelope, AdminPayload.class).username()).isEqualTo(username);
        });
        assertThat(superAdmin().get("/api/me").status()).isEqualTo(200);
    }

    private List<EventEnvelope> revocationsOf(String adminId) {
        return redis.<String, String>opsForStream().range(Streams.ADMINS, Range.unbounded()).stream()
                .map(record -> EventEnvelope.fromFields(record.getValue()))
                .filter(event -> event.aggregateId().equals(adminId)).toList();
    }

    /** A demoted super-admin's older token stops managing admins at once; a new one carries the new role. */
    @Test
    void aDemotedSuperAdminsOlderTokenIsRefusedAndANewOneIsAPlainAdmins() {
        String username = TestNames.unique("demoted");
        String id = created(newAdmin(username, "Demoted@1234", true)).at("/id");
        Api before = api().as(Tokens.password(username, "Demoted@1234"));
        assertThat(before.get("/api/admins/audit").status()).isEqualTo(200);

        assertThat(superAdmin().put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", false)).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> before.get("/api/admins/audit").status() == 401);
        assertThat(revocationsOf(id)).singleElement().satisfies(envelope -> {
            assertThat(envelope.type()).isEqualTo(EventTypes.ADMIN_ROLE_REMOVED);
            assertThat(envelope.entityId()).isEqualTo("default");
            assertThat(EventCodec.read(envelope, AdminPayload.class).removedRoles())
                    .containsExactly("/entities/default/super-admin");
        });
        Api after = api().as(Tokens.password(username, "Demoted@1234"));
        assertThat(after.get("/api/admins/audit").status()).isEqualTo(403);
        assertThat(after.get("/api/me").status()).isEqualTo(200);
    }

    /** The "done when": create a second admin who can work but not manage admins, then delete them. */
    @Test
    void theSuperAdminCreatesAnAdminWhoCanWorkButNotManageAdminsThenDeletesThem() {
        String username = TestNames.unique("second");
        var created = created(newAdmin(username, "Second@1234", false));
        String id = created.at("/id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/admins/" + id);
        assertThat(created.json().has("temporaryPassword")).isFalse();

        String token = Tokens.password(username, "Second@1234");
        var me = api().as(token).get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/username")).isEqualTo(username);
        assertThat(me.json().at("/roles").valueStream().map(JsonNode::asString)).containsExactly("admin");
        var listed = api().as(token).get("/api/admins");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode row = listed.json().valueStream().filter(a -> a.at("/id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(row.at("/superAdmin").asBoolean()).isFalse();
        assertThat(row.at("/enabled").asBoolean()).isTrue();
        assertThat(row.at("/email").asString()).isEqualTo(username + "@example.org");
        assertThat(api().as(token).post("/api/admins", newAdmin(TestNames.unique("nope"), "Nope@1234", false)).status())
                .isEqualTo(403);

        var deleted = superAdmin().delete("/api/admins/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThatThrownBy(() -> Tokens.password(username, "Second@1234")).hasMessageContaining("invalid_grant");
        assertThat(superAdmin().get("/api/admins").json().valueStream().map(a -> a.at("/id").asString())).doesNotContain(id);
        assertThat(superAdmin().get("/api/admins/" + id).status()).isEqualTo(404);
        assertThat(actionsOn(id)).containsExactly("ADMIN_DELETED", "ADMIN_CREATED");
        var entry = superAdmin().get("/api/admins/audit?targetId=" + id).json().at("/content/0");
        assertThat(entry.at("/actor").asString()).isEqualTo("admin");
        assertThat(entry.at("/target").asString()).isEqualTo(username);
        assertThat(entry.at("/at").asString()).isNotBlank();
    }

    @Test
    void aPlainAdminSeesTheAdminsButGets403OnEveryManagementAction() {
        String username = TestNames.unique("plain");
        Tokens.ensureUser(username, "Plain@1234", List.of("admin"));
        Api plain = api().as(Tokens.password(username, "Plain@1234"));
        String someone = superAdmin().get("/api/me").at("/id");

        assertThat(plain.get("/api/admins").status()).isEqualTo(200);
        for (Api.Response refused : List.of(
                plain.post("/api/admins", newAdmin(TestNames.unique("nope"), "Nope@1234", true)),
                plain.delete("/api/admins/" + someone),
                plain.put("/api/admins/" + someone + "/enabled", Map.of("enabled", false)),
                plain.put("/api/admins/" + someone + "/super-admin", Map.of("superAdmin", false)),
                plain.get("/api/admins/audit"))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aUserWithoutTheAdminRoleGets403() {
        assertThat(api().as(Tokens.withoutRole()).get("/api/admins").status()).isEqualTo(403);
    }

    @Test
    void disablingEnablingAndRoleChangesTakeEffectAndAreAudited() {
        String username = TestNames.unique("toggle");
        String id = created(newAdmin(username, "Toggle@1234", false)).at("/id");

        var disabled = superAdmin().put("/api/admins/" + id + "/enabled", Map.of("enabled", false));
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.at("/enabled")).isEqualTo("false");
        assertThatThrownBy(() -> Tokens.password(username, "Toggle@1234")).hasMessageContaining("Account disabled");

        assertThat(superAdmin().put("/api/admins/" + id + "/enabled", Map.of("enabled", true)).status()).isEqualTo(200);
        Tokens.password(username, "Toggle@1234");

        var promoted = superAdmin().put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", true));
        assertThat(promoted.at("/superAdmin")).isEqualTo("true");
        assertThat(api().as(Tokens.password(username, "Toggle@1234")).get("/api/me").json().at("/roles")
                .valueStream().map(JsonNode::asString)).contains("super-admin");
        assertThat(superAdmin().put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", false)).at("/superAdmin"))
                .isEqualTo("false");

        assertThat(actionsOn(id)).containsExactly("SUPER_ADMIN_REVOKED", "SUPER_ADMIN_GRANTED", "ADMIN_ENABLED",
                "ADMIN_DISABLED", "ADMIN_CREATED");
        superAdmin().delete("/api/admins/" + id);
    }

    @Test
    void withoutAPasswordATemporaryOneIsReturnedOnceAndMustBeReplacedAtFirstSignIn() {
        String username = TestNames.unique("temp");
        var created = created(Map.of("username", username, "email", username + "@example.org", "firstName", "Tem",
                "lastName", "Porary", "password", ""));

        String temporary = created.at("/temporaryPassword");
        assertThat(temporary).hasSize(16);
        // Keycloak accepts it but wants a new password first: the browser sign-in asks for one.
        assertThatThrownBy(() -> Tokens.password(username, temporary)).hasMessageContaining("not fully set up");
        assertThat(superAdmin().get("/api/admins/" + created.at("/id")).json().has("temporaryPassword")).isFalse();
        superAdmin().delete("/api/admins/" + created.at("/id"));
    }

    @Test
    void aWeakPasswordIsA400OnPasswordAndCreatesNobody() {
        String username = TestNames.unique("weak");

        var weak = superAdmin().post("/api/admins", newAdmin(username, "longenough1", false));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.at("/errors/0/field")).isEqualTo("password");
        assertThat(weak.at("/errors/0/message")).isEqualTo("must contain at least one capital letter");
        assertThat(superAdmin().get("/api/admins").json().valueStream().map(a -> a.at("/username").asString()))
                .doesNotContain(username);
    }

    @Test
    void aTakenUsernameOrEmailIsA409() {
        var username = superAdmin().post("/api/admins", newAdmin("admin", "Taken@1234", false));
        var email = superAdmin().post("/api/admins", Map.of("username", TestNames.unique("mail"),
                "email", "admin@example.com", "firstName", "Ann", "lastName", "Other", "password", "Taken@1234"));

        assertThat(username.status()).isEqualTo(409);
        assertThat(username.at("/errors/0/field")).isEqualTo("username");
        assertThat(email.status()).isEqualTo(409);
        assertThat(email.at("/errors/0/field")).isEqualTo("email");
    }

    @Test
    void anInvalidNewAdminIsA400WithFieldErrors() {
        var invalid = superAdmin().post("/api/admins", Map.of("username", "no spaces!", "email", "nope"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors").valueStream().map(error -> error.at("/field").asString()))
                .contains("username", "email", "firstName", "lastName");
    }

    @Test
    void nobodyDeletesDisablesOrDemotesThemselves() {
        String username = TestNames.unique("self");
        String id = created(newAdmin(username, "Self@12345", true)).at("/id");
        Api self = api().as(Tokens.password(username, "Self@12345"));

        for (Api.Response refused : List.of(self.delete("/api/admins/" + id),
                self.put("/api/admins/" + id + "/enabled", Map.of("enabled", false)),
                self.put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", false)))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(superAdmin().get("/api/admins/" + id).at("/superAdmin")).isEqualTo("true");
        assertThat(superAdmin().delete("/api/admins/" + id).status()).isEqualTo(204);
    }

    @Test
    void onlyAdminsAreManagedHere() {
        Tokens.withoutRole();
        String noRole = TestKeycloak.userId("finance-tracker", "no-role-user");
        String serviceAccount = TestKeycloak.userId("finance-tracker", "service-account-finance-tracker-admin");

        // Other users of the realm are not admins: 404, and nothing happens to them.
        assertThat(superAdmin().delete("/api/admins/" + serviceAccount).status()).isEqualTo(404);
        assertThat(superAdmin().put("/api/admins/" + noRole + "/enabled", Map.of("enabled", false)).status())
                .isEqualTo(404);
        assertThat(superAdmin().delete("/api/admins/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(superAdmin().get("/api/admins").json().valueStream().map(a -> a.at("/username").asString()))
                .doesNotContain("service-account-finance-tracker-admin", "no-role-user");
        Tokens.withoutRole(); // still signs in
    }
}
