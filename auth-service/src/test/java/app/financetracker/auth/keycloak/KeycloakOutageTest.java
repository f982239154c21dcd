package app.financetracker.auth.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.TestInfrastructure;
import app.financetracker.testkit.Tokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * auth-service with its admin client pointed at a port where Keycloak is not: tokens still come from (and are
 * checked against) the real test Keycloak, but every admin call fails. It must answer 503 problems quickly, never
 * hang, and stop calling once the circuit opens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KeycloakOutageTest.DeadKeycloak.class)
class KeycloakOutageTest {

    /** Nobody listens here, unless a test opens a socket that accepts connections and never answers. */
    static final int PORT = freePort();

    @LocalServerPort
    int port;

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void closeTheCircuit() {
        breakers.getCircuitBreakerRegistry().find(KeycloakAccounts.BREAKER).ifPresent(CircuitBreaker::reset);
    }

    private Api admin() {
        return Api.at("http://localhost:" + port).as(Tokens.admin());
    }

    @Test
    void aKeycloakThatNeverAnswersIsA503AfterTheCallTimeLimitNotAHang() throws IOException {
        Api admin = admin();
        try (ServerSocket silent = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            var admins = admin.get("/api/admins");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertUnavailable(admins);
            // The call's time limit (2 s here) cut it, not the read timeout (10 s) nor the client's 30 s.
            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
        }
    }

    @Test
    void aRefusedConnectionIsA503AtOnce() {
        Api admin = admin();
        long start = System.nanoTime();
        var admins = admin.get("/api/admins");

        assertUnavailable(admins);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndCallsAreRefusedWithoutTryingKeycloak() {
        for (int i = 0; i < 4; i++) {
            assertUnavailable(admin().get("/api/admins"));
        }
        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker(KeycloakAccounts.BREAKER).getState())
                .isEqualTo(CircuitBreaker.State.OPEN);

        Api admin = admin();
        long start = System.nanoTime();
        var refused = admin.delete("/api/admins/00000000-0000-0000-0000-000000000000");

        assertUnavailable(refused);
        assertThat(refused.at("/detail")).contains("has not been answering");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void passwordChangesProfileUpdatesAndLanguageChoicesAre503() {
        assertUnavailable(admin().put("/api/me/password", Map.of("currentPassword", "Admin@1234",
                "newPassword", "Never@12345")));
        assertUnavailable(admin().put("/api/me", Map.of("firstName", "Default", "lastName", "Admin",
                "email", "admin@example.com")));
        assertUnavailable(admin().put("/api/me/language", Map.of("language", "fr")));
    }

    /** The slug is reserved before Keycloak is asked: the entity waits, CREATING, for a retry (EntitiesControllerTest). */
    @Test
    void creatingAnEntityIsA503AndLeavesItReadyForARetry() {
        String slug = "outage-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        assertUnavailable(admin().post("/api/entities", Map.of("name", "Outage", "slug", slug, "firstAdmin",
                Map.of("username", slug, "email", slug + "@example.org", "firstName", "O", "lastName", "Utage"))));

        org.bson.Document entity = mongo.getCollection("entities").find(new org.bson.Document("slug", slug)).first();
        assertThat(entity).isNotNull();
        assertThat(entity.getString("state")).isEqualTo("CREATING");
    }

    @Test
    void theSignedInAdminIsStillDescribedFromTheirToken() {
        var me = admin().get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/username")).isEqualTo("admin");
        assertThat(me.at("/email")).isEqualTo("admin@example.com");
    }

    private static void assertUnavailable(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test kit's infrastructure, then the dead Keycloak URL in front of the kit's real one. */
    static class DeadKeycloak extends TestInfrastructure {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dead-keycloak", Map.of(
                    "finance.keycloak.url", "http://127.0.0.1:" + PORT,
                    "finance.keycloak.connect-timeout", "1s",
                    "finance.keycloak.read-timeout", "10s",
                    "finance.keycloak.call-timeout", "2s",
                    "finance.keycloak.open-for", "30s")));
        }
    }
}
