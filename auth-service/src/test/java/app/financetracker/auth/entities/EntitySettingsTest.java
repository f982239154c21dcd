package app.financetracker.auth.entities;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.auth.TestNames;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An entity's settings are its super-admins' alone; the token's memberships decide, whatever X-Entity says. */
@ServiceIntegrationTest
class EntitySettingsTest {

    @LocalServerPort
    int port;

    private String a;
    private String b;
    private Api superAdminOfA;

    private Api api() {
        return Api.at("http://localhost:" + port);
    }

    /** Two entities made through the API, each with its own super-admin. */
    @BeforeEach
    void twoEntities() {
        String username = TestNames.unique("super-a");
        a = create("Unité A", username);
        b = create("Unité B", TestNames.unique("super-b"));
        superAdminOfA = api().as(Tokens.password(username, "SuperA@1234"));
    }

    private String create(String name, String username) {
        var created = api().as(Tokens.admin()).post("/api/entities", EntitiesControllerTest.newEntity(name,
                TestNames.unique("iso"), username, "SuperA@1234"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.at("/id");
    }

    private static Map<String, Object> settings(String iban, long version) {
        Map<String, Object> settings = new HashMap<>(Map.of("name", "Unité A renamed", "currency", "EUR",
                "bic", "gebabebb", "beneficiary", "Unité A asbl", "defaultLanguage", "nl",
                "address", "Rue de la Loi 16, 1000 Bruxelles", "receiptEmails", true, "version", version));
        settings.put("iban", iban);
        return settings;
    }

    @Test
    void aSuperAdminReadsAndChangesTheirEntitysSettingsWithTheIbanNormalised() {
        var initial = superAdminOfA.get("/api/entities/" + a + "/settings");
        assertThat(initial.status()).as(initial.toString()).isEqualTo(200);
        assertThat(initial.at("/name")).isEqualTo("Unité A");
        assertThat(initial.at("/currency")).isEqualTo("EUR");
        assertThat(initial.at("/defaultLanguage")).isEqualTo("fr");
        assertThat(initial.json().at("/receiptEmails").asBoolean()).isFalse();
        long version = initial.json().at("/version").asLong();

        var changed = superAdminOfA.put("/api/entities/" + a + "/settings", settings("be68 5390 0754 7034", version));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var read = superAdminOfA.get("/api/entities/" + a + "/settings");
        assertThat(read.at("/iban")).isEqualTo("BE68539007547034");
        assertThat(read.at("/bic")).isEqualTo("GEBABEBB");
        assertThat(read.at("/defaultLanguage")).isEqualTo("nl");
        assertThat(read.at("/address")).isEqualTo("Rue de la Loi 16, 1000 Bruxelles");
        assertThat(read.json().at("/receiptEmails").asBoolean()).isTrue();
        assertThat(read.json().at("/version").asLong()).isEqualTo(version + 1);
        // The new name is the one the entity is listed under.
        assertThat(superAdminOfA.get("/api/entities").at("/0/name")).isEqualTo("Unité A renamed");
        // An empty IBAN is "not set"; a stale version is a 409.
        var cleared = superAdminOfA.put("/api/entities/" + a + "/settings", settings("", version + 1));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().at("/iban").isNull() || cleared.json().at("/iban").isMissingNode()).isTrue();
        assertThat(superAdminOfA.put("/api/entities/" + a + "/settings", settings(null, version)).status())
                .isEqualTo(409);
    }

    @Test
    void aPlainAdminOfTheEntityGets403() {
        String username = TestNames.unique("plain-a");
        Tokens.ensureUser(username, "PlainA@1234", Map.of(a, "admin"));
        Api plain = api().as(Tokens.password(username, "PlainA@1234"));

        assertThat(plain.get("/api/entities/" + a + "/settings").status()).isEqualTo(403);
        assertThat(plain.put("/api/entities/" + a + "/settings", settings(null, 0)).status()).isEqualTo(403);
    }

    @Test
    void anotherEntitysSettingsAre403WhetherOrNotItExists() {
        var other = superAdminOfA.get("/api/entities/" + b + "/settings");
        var unknown = superAdminOfA.get("/api/entities/00000000-0000-0000-0000-000000000000/settings");
        var namedInTheHeader = superAdminOfA.with("X-Entity", a).put("/api/entities/" + b + "/settings",
                settings(null, 0));

        for (Api.Response refused : List.of(other, unknown, namedInTheHeader)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(other.json().at("/detail")).isEqualTo(unknown.json().at("/detail"));
    }

    @Test
    void aSuperAdminOfAnEntityWithoutARecordGets404() {
        String ghost = TestNames.unique("ghost");
        String username = TestNames.unique("ghost-super");
        Tokens.ensureUser(username, "Ghost@12345", Map.of(ghost, "super-admin"));

        var missing = api().as(Tokens.password(username, "Ghost@12345")).get("/api/entities/" + ghost + "/settings");

        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void anInvalidIbanBicOrLanguageIsA400OnThatField() {
        Map<String, Object> invalid = settings("BE69 5390 0754 7034", 0);
        invalid.put("bic", "GEBA");
        invalid.put("defaultLanguage", "de");
        invalid.put("currency", "EURO");

        var refused = superAdminOfA.put("/api/entities/" + a + "/settings", invalid);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors").valueStream().map(error -> error.at("/field").asString()))
                .containsExactlyInAnyOrder("iban", "bic", "defaultLanguage", "currency");
        var unchanged = superAdminOfA.get("/api/entities/" + a + "/settings").json().at("/iban");
        assertThat(unchanged.isNull() || unchanged.isMissingNode()).isTrue();
    }
}
