package app.financetracker.bench;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19's benchmark: one {@code POST /api/transactions/batch} charging every one of N new members (200, then
 * 1,000), through the gateway: how long the call takes to answer 201, and how long until every member's balance
 * (user-service, through events:transactions) shows its charge, polled on the members list every 50 ms.
 */
final class BatchBenchmark {

    private static final BigDecimal CHARGE = new BigDecimal("12.34");
    private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(2);

    private final Http http;
    private final String gateway;
    private final Fixture fixture;

    BatchBenchmark(Http http, String gateway, Fixture fixture) {
        this.http = http;
        this.gateway = gateway;
        this.fixture = fixture;
    }

    /** This benchmark alone, on a stack of its own (as ./run.sh: Mongo on disk); BenchRun runs it with the rest. */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(System.getProperty("bench.root", "")).toAbsolutePath();
        Stack stack = Stack.start(root, root.resolve("bench/target/stack"));
        try {
            Http http = new Http(stack.keycloakUrl, "admin", "Admin@1234");
            Fixture fixture = new Fixture(http, stack.gatewayUrl).create(1, 1, 0);
            System.out.println(Http.JSON.writeValueAsString(new BatchBenchmark(http, stack.gatewayUrl, fixture).run()));
        } finally {
            stack.close();
        }
        System.exit(0);
    }

    Map<String, Object> run() {
        Map<String, Object> results = new LinkedHashMap<>();
        for (int size : new int[] {200, 1000}) {
            Map<String, Object> one = charge(size);
            results.put("batch_commit_ms_" + size, one.get("commit_ms"));
            results.put("batch_settled_s_" + size, one.get("settled_s"));
            results.put("batch_settled_tx_per_s_" + size, one.get("settled_tx_per_s"));
        }
        return results;
    }

    private Map<String, Object> charge(int size) {
        String marker = "Batch " + UUID.randomUUID().toString().substring(0, 8);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(http.expect(201, http.post(gateway + "/api/users", Map.of("firstName", marker,
                    "lastName", "Member " + i, "email", marker.replace(' ', '-').toLowerCase() + "-" + i
                            + "@example.com"))).get("id").asString());
        }
        fixture.awaitKnown(members.get(members.size() - 1));
        List<Map<String, Object>> items = members.stream().map(member -> Map.<String, Object>of("userId", member,
                "type", "RECEIVABLE", "amount", CHARGE, "date", "2026-09-01", "description", "Camp")).toList();
        HttpRequest request = http.request(gateway + "/api/transactions/batch")
                .header("Content-Type", "application/json").header("Idempotency-Key", marker)
                .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(Map.of("transactions", items))))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(request);
        double commitMs = (System.nanoTime() - start) / 1e6;
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("batch of " + size + ": " + answer.statusCode() + " " + answer.body());
        }
        Instant deadline = Instant.now().plus(SETTLE_DEADLINE);
        String list = gateway + "/api/users?size=" + (size + 10) + "&q=" + marker.replace(" ", "%20");
        while (charged(http.expect(200, http.get(list))) < size) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("balances of a batch of " + size + " not settled in " + SETTLE_DEADLINE);
            }
            Fixture.pause(50);
        }
        double settledS = (System.nanoTime() - start) / 1e9;
        System.out.printf("[bench] batch of %d: 201 in %.0f ms, every balance shows it after %.2f s (%.0f tx/s)%n",
                size, commitMs, settledS, size / settledS);
        return Map.of("commit_ms", Measurements.round(commitMs), "settled_s", Measurements.round(settledS),
                "settled_tx_per_s", Measurements.round(size / settledS));
    }

    private static long charged(JsonNode page) {
        long count = 0;
        for (JsonNode member : page.get("content")) {
            // At least the charge: the last member also has the 1.00 Fixture.awaitKnown recorded.
            if (member.at("/balance/receivables").decimalValue().compareTo(CHARGE) >= 0) {
                count++;
            }
        }
        return count;
    }
}
