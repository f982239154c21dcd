package app.financetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.launcher.Net;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Routing, token handling and the circuit-breaker fallback, with a stand-in downstream service. */
@ServiceIntegrationTest
class GatewayRoutingTest {

    /** A downstream that records what reached it. */
    static final HttpServer DOWNSTREAM = downstream();
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final int BURST = 40;
    static final CountDownLatch BURST_ARRIVED = new CountDownLatch(BURST);

    @LocalServerPort
    int port;
    Api api;

    static HttpServer downstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/users/burst", exchange -> {
                // Answers once BURST calls are in flight at the same time (or after 10 s): all of them reached it.
                BURST_ARRIVED.countDown();
                try {
                    BURST_ARRIVED.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                SEEN.put("path", exchange.getRequestURI().toString());
                SEEN.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                SEEN.put("traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                byte[] body = "{\"routed\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
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
        // Nothing listens there: the notification service is down.
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + Net.freePort());
    }

    @AfterAll
    static void stopDownstream() {
        DOWNSTREAM.stop(0);
    }

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
        SEEN.clear();
    }

    @Test
    void bearerCallIsRoutedToItsServiceWithTheTokenRelayed() {
        String token = Tokens.admin();

        var response = api.as(token).get("/api/users/42?page=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.at("/routed")).isEqualTo("true");
        assertThat(SEEN).containsEntry("path", "/api/users/42?page=1").containsEntry("authorization", "Bearer " + token);
    }

    @Test
    void theCallersTraceIsContinuedToTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        var response = api.as(Tokens.admin()).with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/users/42");

        assertThat(response.status()).isEqualTo(200);
        // The same trace, a span of the gateway's own as the parent, sampled (ADR 0015).
        assertThat(SEEN.get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void aCallWithoutTraceStartsOneThatTheServiceContinues() {
        assertThat(api.as(Tokens.admin()).get("/api/users/42").status()).isEqualTo(200);

        assertThat(SEEN.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void eachPrefixGoesToItsOwnService() {
        assertThat(api.as(Tokens.admin()).get("/api/me").status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("path", "/api/me");
    }

    @Test
    void aDeepLinkIntoTheConsoleGetsTheConsolePage() {
        var page = api.as(Tokens.admin()).getAny("/members/42");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void eachServicesOpenApiIsServedThroughTheGateway() {
        var response = api.as(Tokens.admin()).get("/v3/api-docs/user-service");

        assertThat(response.status()).isEqualTo(200);
        assertThat(SEEN).containsEntry("path", "/v3/api-docs");
    }

    @Test
    void oversizedBodyIsA413ProblemAndNeverReachesTheService() {
        var response = api.as(Tokens.admin()).post("/api/users", "{\"x\":\"" + "a".repeat(300_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void anonymousApiCallIsA401ProblemAndNeverReachesTheService() {
        var response = api.get("/api/users");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void garbageBearerIsA401() {
        assertThat(api.as("garbage").get("/api/users").status()).isEqualTo(401);
        assertThat(SEEN).isEmpty();
    }

    @Test
    void serviceDownGivesA503ProblemAtOnce() {
        Instant start = Instant.now();

        var response = api.as(Tokens.admin()).get("/api/notifications");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/detail")).contains("notification-service");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBurstOfConcurrentCallsIsServedAndDoesNotOpenTheBreaker() {
        Api admin = api.as(Tokens.admin());
        ExecutorService callers = Executors.newFixedThreadPool(BURST);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, BURST)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> admin.get("/api/users/burst").status(), callers))
                    .toList();

            assertThat(calls).allSatisfy(call -> assertThat(call.join()).isEqualTo(204));
            assertThat(admin.get("/api/users/1").status()).isEqualTo(200);
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void browserWithoutSessionIsSentToTheKeycloakLogin() {
        var first = api.send("GET", "/", null, null);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/keycloak"));

        var second = api.send("GET", "/oauth2/authorization/keycloak", null, null);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .contains("/realms/finance-tracker/protocol/openid-connect/auth")
                .contains("client_id=finance-tracker-gateway"));
        // The login in progress lives in the session: its cookie is out of scripts' reach and not sent cross-site.
        assertThat(second.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aPostCarryingTheSessionCookieWithoutCsrfTokenIsA403Problem() {
        var response = api.with("Cookie", "SESSION=some-session").send("POST", "/api/users", "{}", "application/json");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aPostWithoutAnyCredentialIsA401Problem() {
        var response = api.send("POST", "/api/users", "{}", "application/json");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(SEEN).isEmpty();
    }
}
