package app.financetracker.auth.admins;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** Two entities, A and B, each with its own super-admin: the admins of one are none of the other's business. */
@ServiceIntegrationTest
class AdminsPerEntityTest {

    private static final String REALM = "finance-tracker";

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    private String a;
    private String b;
    private Api superOfA;
    private Api superOfB;

    private Api api() {
        return Api.at("http://localhost:" + port);
    }

    @BeforeEach
    void twoEntities() {
        a = TestNames.unique("iso-a");
        b = TestNames.unique("iso-b");
        superOfA = signIn(Map.of(a, "super-admin"));
        superOfB = signIn(Map.of(b, "super-admin"));
    }

    private Api signIn(Map<String, String> roles) {
        String username = TestNames.unique("acct");
        Tokens.ensureUser(username, "Account@1234", roles);
        return api().as(Tokens.password(username, "Account@1234"));
    }

    private static List<String> usernames(Api.Response admins) {
        assertThat(admins.status()).as(admins.toString()).isEqualTo(200);
        return admins.json().valueStream().map(admin -> admin.at("/username").asString()).toList();
    }

    @Test
    void theAdminsOfAEntityAreNotListedOrReachableFromAnother() {
        String onlyB = TestNames.unique("only-b");
        Tokens.ensureUser(onlyB, "OnlyB@1234", Map.of(b, "admin"));
        String id = TestKeycloak.userId(REALM, onlyB);

        assertThat(usernames(superOfA.get("/api/admins"))).doesNotContain(onlyB).hasSize(1);
        assertThat(usernames(superOfB.get("/api/admins"))).contains(onlyB).hasSize(2);
        var unknown = superOfA.get("/api/admins/00000000-0000-0000-0000-000000000000");
        for (Api.Response notHere : List.of(superOfA.get("/api/admins/" + id), superOfA.delete("/api/admins/" + id),
                superOfA.put("/api/admins/" + id + "/enabled", Map.of("enabled", false)),
                superOfA.put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", true)))) {
            assertThat(notHere.status()).as(notHere.toString()).isEqualTo(404);
        }
        assertThat(superOfA.get("/api/admins/" + id).json().at("/title")).isEqualTo(unknown.json().at("/title"));
        assertThat(usernames(superOfB.get("/api/admins"))).contains(onlyB);
        Tokens.password(onlyB, "OnlyB@1234"); // untouched
    }

    /**
     * Deleting an admin of A who is also one of B takes them out of A only: the account stays, signs in, and is
     * B's admin still. Their tokens naming A's role are revoked by an AdminRoleRemoved event of entity A.
     */
    @Test
    void deletingAnAdminOfTwoEntitiesTakesThemOutOfOneAndKeepsTheAccount() {
        String both = TestNames.unique("both");
        Tokens.ensureUser(both, "BothAB@1234", Map.of(a, "admin", b, "admin"));
        String id = TestKeycloak.userId(REALM, both);
        Api before = api().as(Tokens.password(both, "BothAB@1234"));
        assertThat(before.with("X-Entity", a).get("/api/admins").status()).isEqualTo(200);

        assertThat(superOfA.delete("/api/admins/" + id).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> before.with("X-Entity", b).get("/api/admins").status() == 401);
        Api after = api().as(Tokens.password(both, "BothAB@1234"));
        assertThat(after.with("X-Entity", a).get("/api/admins").status()).isEqualTo(403);
        assertThat(usernames(after.with("X-Entity", b).get("/api/admins"))).contains(both);
        assertThat(after.get("/api/entities").json().valueStream().map(e -> e.at("/id").asString()))
                .containsExactly(b);
        assertThat(usernames(superOfA.get("/api/admins"))).doesNotContain(both);
        assertThat(revocationsOf(id)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.ADMIN_ROLE_REMOVED);
            assertThat(event.entityId()).isEqualTo(a);
            assertThat(EventCodec.read(event, AdminPayload.class).removedRoles())
                    .containsExactly("/entities/" + a + "/admin");
        });
        // A's audit says so; B's and the default entity's do not show it.
        assertThat(superOfA.get("/api/admins/audit?targetId=" + id).at("/content/0/action"))
                .isEqualTo("ADMIN_REMOVED");
        assertThat(superOfB.get("/api/admins/audit?targetId=" + id).json().at("/page/totalElements").asInt())
                .isZero();
        assertThat(api().as(Tokens.admin()).get("/api/admins/audit?targetId=" + id).json()
                .at("/page/totalElements").asInt()).isZero();
    }

    private List<EventEnvelope> revocationsOf(String adminId) {
        return redis.<String, String>opsForStream().range(Streams.ADMINS, Range.unbounded()).stream()
                .map(record -> EventEnvelope.fromFields(record.getValue()))
                .filter(event -> event.aggregateId().equals(adminId)).toList();
    }

    /** A super-admin of A adds B's admin by username: the account joins A as it is, once. */
    @Test
    void anExistingUsernameJoinsTheEntityInsteadOfA409AndOnlyOnce() {
        String fromB = TestNames.unique("from-b");
        Tokens.ensureUser(fromB, "FromB@12345", Map.of(b, "admin"));
        Map<String, Object> request = Map.of("username", fromB, "email", "ignored@example.org", "firstName", "Not",
                "lastName", "Applied", "superAdmin", false);

        var joined = superOfA.post("/api/admins", request);

        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.at("/id")).isEqualTo(TestKeycloak.userId(REALM, fromB));
        assertThat(joined.json().has("temporaryPassword")
                && !joined.json().at("/temporaryPassword").isNull()).isFalse();
        assertThat(joined.at("/email")).isEqualTo(fromB + "@example.com");
        assertThat(usernames(superOfA.get("/api/admins"))).contains(fromB);
        assertThat(superOfA.get("/api/admins/audit?targetId=" + joined.at("/id")).at("/content/0/action"))
                .isEqualTo("ADMIN_ADDED");
        var again = superOfA.post("/api/admins", request);
        assertThat(again.status()).isEqualTo(409);
        JsonNode rowInB = superOfB.get("/api/admins").json().valueStream()
                .filter(admin -> admin.at("/username").asString().equals(fromB)).findFirst().orElseThrow();
        assertThat(rowInB.at("/superAdmin").asBoolean()).isFalse();
    }

    @Test
    void anAccountSharedWithAnotherEntityIsNotDisabledFromThisOne() {
        String both = TestNames.unique("shared");
        Tokens.ensureUser(both, "Shared@1234", Map.of(a, "admin", b, "admin"));

        var refused = superOfA.put("/api/admins/" + TestKeycloak.userId(REALM, both) + "/enabled",
                Map.of("enabled", false));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.at("/detail")).contains("other entities");
        Tokens.password(both, "Shared@1234");
    }

    /** {@code GET /api/me} answers without X-Entity for an account of several entities, with the roles of the one named. */
    @Test
    void meListsTheRolesOfTheEntityNamed() {
        Api several = signIn(Map.of(a, "super-admin", b, "auditor"));

        var none = several.get("/api/me");
        assertThat(none.status()).isEqualTo(200);
        assertThat(roles(none)).isEmpty();
        assertThat(roles(several.with("X-Entity", a).get("/api/me"))).containsExactlyInAnyOrder("admin", "super-admin");
        assertThat(roles(several.with("X-Entity", b).get("/api/me"))).containsExactly("auditor");
        assertThat(several.with("X-Entity", "default").get("/api/me").status()).isEqualTo(403);
        var entities = several.get("/api/entities");
        assertThat(entities.json().valueStream().map(e -> e.at("/id").asString() + "=" + e.at("/role").asString()))
                .containsExactlyInAnyOrder(a + "=super-admin", b + "=auditor");
        // Acting in an entity is still needed everywhere else.
        assertThat(several.get("/api/admins").status()).isEqualTo(400);
    }

    private static List<String> roles(Api.Response me) {
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json().at("/roles").valueStream().map(JsonNode::asString).toList();
    }
}
