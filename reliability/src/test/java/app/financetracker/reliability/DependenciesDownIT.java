package app.financetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mongo, Redis or Keycloak taken away from the running stack (their {@link TcpProxy} cut: resets, then refused
 * connections, as a crashed server gives): what needs it fails within 2 s with a 503 problem, the gateway's
 * breaker opens, what does not need it goes on, and everything recovers by itself once it is back (ADR 0012).
 */
@ExtendWith(ReliabilityStack.class)
class DependenciesDownIT {

    static final Duration FAST = Duration.ofSeconds(2);
    static final Duration RECOVERY = Duration.ofSeconds(90);

    /** Each test starts from a stack that answers, whatever the one before left open (breakers wait 10 s). */
    @BeforeEach
    void everythingAnswers() {
        Api api = api();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() ->
                api.get("/api/transactions?size=1").status() == 200 && api.get("/api/users?size=1").status() == 200
                        && api.get("/api/admins").status() == 200);
    }

    @AfterEach
    void bringEverythingBack() {
        ReliabilityStack.mongoProxy().restore();
        ReliabilityStack.redisProxy().restore();
        ReliabilityStack.keycloakProxy().restore();
    }

    private static Api api() {
        return Api.at(ReliabilityStack.stack().gatewayUrl()).as(Tokens.admin());
    }

    @Test
    void withMongoDownCallsFailFastWith503TheBreakerOpensAndAllRecovers() {
        Api api = api();
        String member = createMember(api, "Mongo");
        ReliabilityStack.mongoProxy().cut();

        List<Timed> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(timed(() -> api.post("/api/transactions", transaction(member, "10.00"))));
            calls.add(timed(() -> api.get("/api/transactions?userId=" + member)));
        }

        assertThat(calls).allSatisfy(call -> {
            assertThat(call.response().status()).as("%s", call).isEqualTo(503);
            assertThat(call.response().contentType()).startsWith("application/problem+json");
            assertThat(call.took()).as("%s", call).isLessThanOrEqualTo(FAST);
        });
        // A call that reaches transaction-service waits for Mongo (≥ 0.7 s); once the breaker is open the gateway
        // answers at once without calling it.
        assertThat(calls.subList(calls.size() - 4, calls.size()))
                .as("the last calls, answered by the open breaker").allSatisfy(call ->
                        assertThat(call.took()).as("%s", call).isLessThan(Duration.ofMillis(500)));

        ReliabilityStack.mongoProxy().restore();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.post("/api/transactions", transaction(member, "10.00")).status() == 201);
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> receivables(api, member).compareTo(new BigDecimal("10.00")) == 0);
        assertThat(api.get("/api/transactions?userId=" + member).json().at("/page/totalElements").asInt())
                .as("only the write accepted after the outage was stored").isEqualTo(1);
    }

    @Test
    void withRedisDownWritesAreAcceptedReadsGoOnAndBalancesCatchUpAfter() {
        Api api = api();
        String member = createMember(api, "Redis");
        assertThat(api.get("/api/users/" + member).status()).isEqualTo(200); // cached now
        ReliabilityStack.redisProxy().cut();

        List<Timed> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(timed(() -> api.post("/api/transactions", transaction(member, "20.00"))));
            calls.add(timed(() -> api.get("/api/users/" + member)));
        }
        assertThat(calls).allSatisfy(call -> assertThat(call.took()).as("%s", call).isLessThanOrEqualTo(FAST));
        assertThat(calls).filteredOn(call -> call.response().status() == 201).as("writes accepted: %s", calls).hasSize(5);
        assertThat(calls).filteredOn(call -> call.response().status() == 200).as("reads served: %s", calls).hasSize(5);

        ReliabilityStack.redisProxy().restore();
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> receivables(api, member).compareTo(new BigDecimal("100.00")) == 0);
    }

    @Test
    void withKeycloakDownTokensStillWorkAndAdminManagementFailsFast() {
        Api api = api();
        ReliabilityStack.keycloakProxy().cut();

        Timed users = timed(() -> api.get("/api/users"));
        Timed admins = timed(() -> api.get("/api/admins"));

        assertThat(users.response().status()).as("keys already fetched still check tokens: %s", users).isEqualTo(200);
        assertThat(admins.response().status()).as("%s", admins).isEqualTo(503);
        assertThat(admins.response().contentType()).startsWith("application/problem+json");
        assertThat(admins.took()).as("%s", admins).isLessThanOrEqualTo(FAST);

        ReliabilityStack.keycloakProxy().restore();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/admins").status() == 200);
    }

    /**
     * A revocation is an event like the others (ADR 0014): made while Redis is down, it waits in auth-service's
     * outbox, and once Redis is back every gateway and service's feed reads it and refuses the account's old token.
     */
    @Test
    void anAdminDeletedWhileRedisIsDownIsRefusedOnceRedisIsBack() {
        String username = "outage-" + System.nanoTime();
        var created = api().post("/api/admins", Map.of("username", username, "email", username + "@example.com",
                "firstName", "Outage", "lastName", "Admin", "password", "Outage@1234", "superAdmin", false));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = Tokens.password(username, "Outage@1234");
        Api revoked = Api.at(ReliabilityStack.stack().gatewayUrl()).as(token);
        assertThat(revoked.get("/api/users?size=1").status()).isEqualTo(200);
        ReliabilityStack.redisProxy().cut();

        assertThat(api().delete("/api/admins/" + created.at("/id")).status()).isEqualTo(204);

        ReliabilityStack.redisProxy().restore();
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> revoked.get("/api/users?size=1").status() == 401);
        // Each service refuses it too, not only the gateway in front of them.
        await().atMost(FAST).pollInterval(Duration.ofMillis(100)).until(() -> Api.at(ReliabilityStack.stack()
                .serviceUrl("transaction-service")).as(token).get("/api/transactions?size=1").status() == 401);
        assertThat(api().get("/api/users?size=1").status()).isEqualTo(200);
    }

    record Timed(Api.Response response, Duration took) {
    }

    private static Timed timed(Supplier<Api.Response> call) {
        long start = System.nanoTime();
        Api.Response response = call.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String createMember(Api api, String lastName) {
        var created = api.post("/api/users", Map.of("firstName", "Outage", "lastName", lastName,
                "email", "outage-" + System.nanoTime() + "@example.com", "phone", "+32470000000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.at("/id");
    }

    private static Map<String, Object> transaction(String member, String amount) {
        return Map.of("userId", member, "type", "RECEIVABLE", "amount", amount, "date", "2026-11-20",
                "description", "during an outage");
    }

    private static BigDecimal receivables(Api api, String member) {
        return new BigDecimal(api.get("/api/users/" + member).json().at("/balance/receivables").asString());
    }
}
