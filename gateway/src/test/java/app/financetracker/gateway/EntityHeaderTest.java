package app.financetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The entity a call acts in reaches the service as {@code X-Entity} (DESIGN §9): relayed as the console sends it,
 * and made from {@code ?entity=} for the notification stream, whose {@code EventSource} cannot send headers.
 */
@ServiceIntegrationTest
class EntityHeaderTest {

    /** A stand-in for every service, recording what reached it. */
    static final HttpServer DOWNSTREAM = downstream();
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;
    Api api;

    static HttpServer downstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                SEEN.put("path", exchange.getRequestURI().toString());
                SEEN.put("entity", String.valueOf(exchange.getRequestHeaders().get("X-Entity")));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String up = "http://127.0.0.1:" + DOWNSTREAM.getAddress().getPort();
        registry.add("USER_SERVICE_URL", () -> up);
        registry.add("AUTH_SERVICE_URL", () -> up);
        registry.add("NOTIFICATION_SERVICE_URL", () -> up);
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop(0);
    }

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port).as(Tokens.admin());
        SEEN.clear();
    }

    @Test
    void theEntityHeaderIsRelayedToTheService() {
        assertThat(api.with("X-Entity", "unit-a").get("/api/users").status()).isEqualTo(200);

        assertThat(SEEN).containsEntry("path", "/api/users").containsEntry("entity", "[unit-a]");
    }

    @Test
    void theEntitiesApiGoesToTheAuthService() {
        assertThat(api.get("/api/entities").status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("path", "/api/entities").containsEntry("entity", "null");

        assertThat(api.with("X-Entity", "unit-a").get("/api/entities/unit-a/settings").status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("path", "/api/entities/unit-a/settings").containsEntry("entity", "[unit-a]");
    }

    @Test
    void theStreamsEntityParameterBecomesTheHeader() {
        assertThat(api.get("/api/notifications/stream?entity=unit-a").status()).isEqualTo(200);

        assertThat(SEEN).containsEntry("path", "/api/notifications/stream?entity=unit-a")
                .containsEntry("entity", "[unit-a]");
    }

    @Test
    void aHeaderSentWithTheStreamWinsOverItsParameter() {
        assertThat(api.with("X-Entity", "unit-b").get("/api/notifications/stream?entity=unit-a").status())
                .isEqualTo(200);

        assertThat(SEEN).containsEntry("entity", "[unit-b]");
    }

    @Test
    void theParameterNamesNoEntityElsewhere() {
        assertThat(api.get("/api/users?entity=unit-a").status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("entity", "null");

        assertThat(api.get("/api/notifications?entity=unit-a").status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("path", "/api/notifications?entity=unit-a").containsEntry("entity", "null");
    }
}
