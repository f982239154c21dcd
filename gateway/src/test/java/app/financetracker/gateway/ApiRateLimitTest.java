package app.financetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.launcher.Net;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The per-admin and per-entity budget of API calls, kept in Redis, with a bucket small enough to empty in a test. */
@ServiceIntegrationTest
class ApiRateLimitTest {

    static final String HASTY = "hasty-admin";
    static final String PASSWORD = "Hasty@12345";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("finance.rate-limit.per-second", () -> "1");
        registry.add("finance.rate-limit.burst", () -> "3");
        // Nothing listens there: an allowed call gets the breaker's 503 at once, a refused one 429.
        registry.add("USER_SERVICE_URL", () -> "http://127.0.0.1:" + Net.freePort());
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + Net.freePort());
    }

    @Test
    void anAdminOverTheBudgetGets429ProblemsWhileAnotherAdminIsStillServed() {
        Tokens.ensureUser(HASTY, PASSWORD, List.of("admin"));
        Api hasty = Api.at("http://localhost:" + port).as(Tokens.password(HASTY, PASSWORD));

        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(hasty.get("/api/users"));
        }

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
        assertThat(byStatus.get(429)).as("statuses %s", byStatus).isGreaterThanOrEqualTo(5);
        assertThat(byStatus.keySet()).as("only allowed (503 from the breaker) or refused").containsOnly(503, 429);
        Api.Response refused = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.at("/title")).isEqualTo("Too Many Requests");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");

        Api admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        assertThat(admin.get("/api/users").status()).as("another admin has a budget of its own").isEqualTo(503);
    }

    @Test
    void oneEntitysBurstDoesNotThrottleTheSameAdminInAnother() {
        String treasurer = "hasty-treasurer";
        String a = "iso-a-" + UUID.randomUUID().toString().substring(0, 8);
        String b = "iso-b-" + UUID.randomUUID().toString().substring(0, 8);
        Tokens.ensureUser(treasurer, PASSWORD, Map.of(a, "admin", b, "admin"));
        Api hasty = Api.at("http://localhost:" + port).as(Tokens.password(treasurer, PASSWORD));

        List<Integer> inA = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inA.add(hasty.with("X-Entity", a).get("/api/users").status());
        }

        assertThat(inA).as("statuses in %s", a).contains(429);
        // The bucket may win back a token at a second's turn: of three calls in a row, some are refused.
        List<Integer> streamsOfA = Stream.generate(() -> hasty.get("/api/notifications/stream?entity=" + a).status())
                .limit(3).toList();
        assertThat(streamsOfA).as("the stream's ?entity= counts in that entity's budget").contains(429);
        assertThat(hasty.with("X-Entity", b).get("/api/users").status()).as("entity %s has a budget of its own", b)
                .isEqualTo(503);
        assertThat(hasty.get("/api/notifications/stream?entity=" + b).status()).as("a stream of %s", b)
                .isNotEqualTo(429);
    }

    @Test
    void entitiesTheCallerDoesNotBelongToShareOneBudget() {
        String treasurer = "hasty-inventor";
        Tokens.ensureUser(treasurer, PASSWORD, Map.of("iso-c-" + UUID.randomUUID().toString().substring(0, 8), "admin"));
        Api hasty = Api.at("http://localhost:" + port).as(Tokens.password(treasurer, PASSWORD));

        List<Integer> statuses = Stream.generate(() -> hasty.with("X-Entity", "made-up-" + UUID.randomUUID())
                .get("/api/users").status()).limit(12).toList();

        assertThat(statuses).as("a new made-up entity per call gets no fresh budget").contains(429);
    }
}
