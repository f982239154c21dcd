package app.financetracker.auth.admins;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.auth.TestKeycloak;
import app.financetracker.auth.TestNames;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Infra;
import app.financetracker.testkit.TestInfrastructure;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Never the last super-admin" can only be broken by someone whose token still says super-admin after they lost
 * the role, in a realm with exactly one other super-admin. The shared realm's seeded admin must never be touched,
 * so this test imports the project's realm file a second time under a name of its own (the same roles, clients and
 * seeded admin), points a second auth-service at it, and deletes the realm afterwards. Such a token is normally
 * refused at once since revocations exist (ADR 0014; AdminsControllerTest); the rule is the line of defence for when
 * a revocation does not arrive (Redis unreachable), so this service forgets revocations as soon as it learns them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LastSuperAdminTest.OwnRealm.class)
class LastSuperAdminTest {

    static final String REALM = TestNames.unique("ft-last-super-admin");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+:([^}]*)}");

    @LocalServerPort
    int port;

    @BeforeAll
    static void importTheRealmUnderAnotherName() throws IOException {
        String json = Files.readString(root().resolve("keycloak/finance-tracker-realm.json"));
        // As Keycloak's import does: ${VAR:default} becomes the default.
        Matcher placeholders = PLACEHOLDER.matcher(json);
        json = placeholders.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        RealmRepresentation realm = new ObjectMapper().readValue(json, RealmRepresentation.class);
        realm.setRealm(REALM);
        for (UserRepresentation user : realm.getUsers()) {
            if (user.getRealmRoles() != null) {
                // The default-roles composite is named after the realm; Keycloak makes this realm's own.
                user.setRealmRoles(user.getRealmRoles().stream().filter(role -> !role.startsWith("default-roles-"))
                        .toList());
            }
        }
        try (Keycloak master = TestKeycloak.master()) {
            master.realms().create(realm);
        }
    }

    @AfterAll
    static void deleteTheRealm() {
        try (Keycloak master = TestKeycloak.master()) {
            master.realm(REALM).remove();
        }
    }

    private Api as(String username, String password) {
        return Api.at("http://localhost:" + port).as(token(username, password));
    }

    @Test
    void theLastEnabledSuperAdminCannotBeDeletedDisabledOrDemoted() {
        Api admin = as("admin", "Admin@1234");
        String adminId = admin.get("/api/me").at("/id");
        var other = admin.post("/api/admins", Map.of("username", "other", "email", "other@example.org",
                "firstName", "Other", "lastName", "Admin", "password", "Other@1234", "superAdmin", true));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        // "other" signs in as a super-admin, then loses the role; the token keeps claiming it until it expires.
        Api stale = as("other", "Other@1234");
        assertThat(admin.put("/api/admins/" + other.at("/id") + "/super-admin", Map.of("superAdmin", false)).status())
                .isEqualTo(200);

        for (Api.Response refused : List.of(stale.delete("/api/admins/" + adminId),
                stale.put("/api/admins/" + adminId + "/enabled", Map.of("enabled", false)),
                stale.put("/api/admins/" + adminId + "/super-admin", Map.of("superAdmin", false)))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.at("/detail")).contains("last enabled super-admin");
        }
        assertThat(admin.delete("/api/admins/" + adminId).status()).as("yourself").isEqualTo(409);
        var still = admin.get("/api/admins/" + adminId);
        assertThat(still.at("/superAdmin")).isEqualTo("true");
        assertThat(still.at("/enabled")).isEqualTo("true");

        // With a second super-admin again, the first one may go.
        admin.put("/api/admins/" + other.at("/id") + "/super-admin", Map.of("superAdmin", true));
        assertThat(as("other", "Other@1234").delete("/api/admins/" + adminId).status()).isEqualTo(204);
    }

    private static String token(String username, String password) {
        String form = "grant_type=password&client_id=finance-tracker-cli&username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(Infra.get().keycloakUrl()
                            + "/realms/" + REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path root() {
        Path dir = Path.of(System.getProperty("ft.root", "")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("keycloak"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    /** The test kit's infrastructure, but this auth-service manages, and trusts tokens of, the test's realm. */
    static class OwnRealm extends TestInfrastructure {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            String realm = Infra.get().keycloakUrl() + "/realms/" + REALM;
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("own-realm", Map.of(
                    "KEYCLOAK_REALM", REALM,
                    "finance.security.revocation-window", "0s",
                    "finance.keycloak.realm", REALM,
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri", realm,
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", realm + "/protocol/openid-connect/certs")));
        }
    }
}
