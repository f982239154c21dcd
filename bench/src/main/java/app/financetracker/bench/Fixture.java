package app.financetracker.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Categories and members made through the API, and bodies of transactions for them. */
final class Fixture {

    static final String[] TYPES = {"RECEIVABLE", "DEBT", "COLLECTED"};

    final List<String> categories = new ArrayList<>();
    final List<String> loadMembers = new ArrayList<>();
    final List<String> probeMembers = new ArrayList<>();
    private final Http http;
    private final String gateway;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private int made;

    Fixture(Http http, String gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    Fixture create(int categoryCount, int loadMemberCount, int probeMemberCount) {
        for (int i = 0; i < categoryCount; i++) {
            categories.add(http.expect(201, http.post(gateway + "/api/categories",
                    Map.of("name", "Bench " + runId + " " + i, "color", "#3366cc"))).get("id").asString());
        }
        for (int i = 0; i < loadMemberCount; i++) {
            loadMembers.add(member());
        }
        for (int i = 0; i < probeMemberCount; i++) {
            probeMembers.add(member());
        }
        awaitKnown(probeMembers.isEmpty() ? loadMembers.get(loadMembers.size() - 1)
                : probeMembers.get(probeMembers.size() - 1));
        return this;
    }

    /**
     * transaction-service learns members from events:users: waits until it knows {@code member} (made last), by
     * recording a first transaction for them (a receivable of 1.00).
     */
    void awaitKnown(String member) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (http.send(http.post(gateway + "/api/transactions", transaction(member, 0, "bench-fixture"))).statusCode() != 201) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("transaction-service never learnt member " + member);
            }
            pause(200);
        }
    }

    /** A new member, with no transaction yet. */
    String member() {
        int n = made++;
        JsonNode created = http.expect(201, http.post(gateway + "/api/users", Map.of("firstName", "Bench",
                "lastName", "Member " + n, "email", "bench-" + runId + "-" + n + "@example.com")));
        return created.get("id").asString();
    }

    Map<String, Object> transaction(String member, int i, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", member);
        body.put("type", TYPES[i % TYPES.length]);
        body.put("amount", BigDecimal.valueOf(100 + (i * 37L) % 50_000, 2));
        body.put("categoryId", categories.get(i % categories.size()));
        body.put("date", "2025-" + String.format("%02d", 1 + i % 12) + "-" + String.format("%02d", 1 + i % 28));
        body.put("description", description);
        return body;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
