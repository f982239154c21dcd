package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.SseClient;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two organisations in one deployment, through the gateway (DESIGN §9, issue 17). Entity B holds data; the
 * super-admin of entity A calls every route of the API with B's ids, and with {@code X-Entity: B}: each call is
 * refused as if B's resources did not exist (404, the very body an unknown id gets) or as a foreign entity (403),
 * and B's data is the same afterwards. Searches, reports, exports and the live feed of A never show B.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntityIsolationIT {

    private static final String PASSWORD = "Isolation@123";
    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";

    private record Org(String id, String username, Api api, String member, String category, String transaction, String report,
                       String notification, String marker) {
    }

    /** A route with {@code {id}} standing for the resource of its kind, and a valid body for writes. */
    private record Route(String method, String path, String kind, Object body) {
    }

    private static Org a;
    private static Org b;

    @BeforeAll
    static void twoOrganisationsWithData() {
        a = organisation("iso-a");
        b = organisation("iso-b");
    }

    private static Org organisation(String prefix) {
        Api platform = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = prefix + "-" + suffix;
        var created = platform.post("/api/entities", Map.of("name", "Unit " + prefix + " " + suffix,
                "slug", prefix + "-" + suffix, "currency", "EUR", "firstAdmin", Map.of("username", username,
                        "email", username + "@example.com", "firstName", "Iso", "lastName", prefix,
                        "password", PASSWORD)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().at("/firstAdmin/temporaryPassword").isNull()).isTrue();
        String entity = created.at("/id");
        Api api = Api.at(Stack.get().gatewayUrl()).as(Tokens.password(username, PASSWORD));
        assertThat(api.get("/api/entities").json().valueStream().map(e -> e.at("/role").asString()).toList())
                .containsExactly("super-admin");

        String marker = "Marker" + suffix;
        String member = api.post("/api/users", Map.of("firstName", marker, "lastName", "Family",
                "email", "shared-" + suffix + "@example.com", "phone", "+32471234567")).at("/id");
        String category = api.post("/api/categories", Map.of("name", "Camp", "color", "#2e7d32")).at("/id");
        String[] transaction = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var posted = api.post("/api/transactions", Map.of("userId", member, "type", "RECEIVABLE",
                    "amount", "40.00", "date", "2026-06-01", "categoryId", category, "description", marker));
            transaction[0] = posted.status() == 201 ? posted.at("/id") : null;
            return transaction[0] != null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/users/" + member).json()
                .at("/balance/receivables").decimalValue().signum() > 0);
        String report = api.post("/api/reports", Map.of("from", "2026-01-01", "to", "2026-12-31",
                "granularity", "MONTH")).at("/id");
        // The member's and the transaction's notices: then nothing of this organisation is still on its way.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/notifications/unread-count").json()
                .at("/count").asLong() == 2);
        String notification = api.get("/api/notifications?size=1").at("/content/0/id");
        return new Org(entity, username, api, member, category, transaction[0], report, notification, marker);
    }

    private static List<Route> routes() {
        Map<String, Object> member = Map.of("firstName", "Mallory", "lastName", "X", "email", "m@example.com",
                "phone", "+32471234567", "version", 0);
        Map<String, Object> transaction = Map.of("userId", a.member(), "type", "DEBT", "amount", "1.00",
                "date", "2026-06-02", "categoryId", a.category(), "description", "moved", "version", 0);
        Map<String, Object> category = Map.of("name", "Stolen", "color", "#000000", "version", 0);
        return List.of(
                new Route("GET", "/api/users/{id}", "member", null),
                new Route("PUT", "/api/users/{id}", "member", member),
                new Route("POST", "/api/users/{id}/archive", "member", null),
                new Route("POST", "/api/users/{id}/unarchive", "member", null),
                new Route("DELETE", "/api/users/{id}", "member", null),
                new Route("GET", "/api/transactions/{id}", "transaction", null),
                new Route("PUT", "/api/transactions/{id}", "transaction", transaction),
                new Route("DELETE", "/api/transactions/{id}", "transaction", null),
                new Route("PUT", "/api/categories/{id}", "category", category),
                new Route("DELETE", "/api/categories/{id}", "category", null),
                new Route("GET", "/api/reports/{id}", "report", null),
                new Route("DELETE", "/api/reports/{id}", "report", null),
                new Route("GET", "/api/reports/{id}/export?format=csv", "report", null),
                new Route("GET", "/api/reports/{id}/export?format=pdf", "report", null),
                new Route("POST", "/api/notifications/{id}/read", "notification", null),
                new Route("DELETE", "/api/admins/{id}", "admin", null),
                new Route("PUT", "/api/admins/{id}/enabled", "admin", Map.of("enabled", false)),
                new Route("PUT", "/api/admins/{id}/super-admin", "admin", Map.of("superAdmin", false)));
    }

    private static String idOf(Org org, String kind) {
        return switch (kind) {
            case "member" -> org.member();
            case "transaction" -> org.transaction();
            case "category" -> org.category();
            case "report" -> org.report();
            case "notification" -> org.notification();
            case "admin" -> org.api().get("/api/me").at("/id");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The routes that list or act on no single resource: each refuses a foreign X-Entity. */
    private static final List<String[]> COLLECTION_ROUTES = List.of(
            new String[] {"GET", "/api/users"}, new String[] {"POST", "/api/users"},
            new String[] {"GET", "/api/transactions"}, new String[] {"POST", "/api/transactions"},
            new String[] {"POST", "/api/transactions/batch"},
            new String[] {"GET", "/api/categories"}, new String[] {"POST", "/api/categories"},
            new String[] {"GET", "/api/reports"}, new String[] {"POST", "/api/reports"},
            new String[] {"GET", "/api/notifications"}, new String[] {"GET", "/api/notifications/unread-count"},
            new String[] {"POST", "/api/notifications/read-all"}, new String[] {"GET", "/api/admins"},
            new String[] {"POST", "/api/admins"}, new String[] {"GET", "/api/admins/audit"},
            new String[] {"GET", "/api/me"}, new String[] {"GET", "/api/entities"},
            new String[] {"POST", "/api/entities"});

    @Test
    @Order(1)
    void everyRouteActingOnAnotherEntitysDataIsRefusedAndChangesNothingThere() {
        Map<String, String> before = snapshot(b);
        List<String> mismatches = new ArrayList<>();
        int calls = 0;

        for (Route route : routes()) {
            String foreign = route.path().replace("{id}", idOf(b, route.kind()));
            String unknown = route.path().replace("{id}", UNKNOWN);
            Api.Response asForeign = send(a.api(), route.method(), foreign, route.body());
            Api.Response asUnknown = send(a.api(), route.method(), unknown, route.body());
            calls += 2;
            if (asForeign.status() != 404 || !sameBody(asForeign, asUnknown, idOf(b, route.kind()))) {
                mismatches.add("A on B's " + route.method() + " " + route.path() + " → " + asForeign.status() + " "
                        + asForeign.body() + " (unknown id: " + asUnknown.status() + " " + asUnknown.body() + ")");
            }
            Api.Response underB = send(a.api().with("X-Entity", b.id()), route.method(), foreign, route.body());
            calls++;
            if (underB.status() != 403) {
                mismatches.add("A with X-Entity B " + route.method() + " " + route.path() + " → " + underB.status());
            }
        }
        for (String[] route : COLLECTION_ROUTES) {
            Api.Response underB = send(a.api().with("X-Entity", b.id()), route[0], route[1],
                    route[0].equals("POST") ? Map.of() : null);
            calls++;
            if (underB.status() != 403 || underB.body().contains(b.marker())) {
                mismatches.add("A with X-Entity B " + route[0] + " " + route[1] + " → " + underB.status());
            }
        }
        String settings = "/api/entities/" + b.id() + "/settings";
        calls += 2;
        if (a.api().get(settings).status() != 403 || send(a.api(), "PUT", settings, Map.of("name", "Taken over",
                "currency", "EUR", "defaultLanguage", "fr", "receiptEmails", false)).status() != 403) {
            mismatches.add("A on B's settings was not refused");
        }
        System.out.printf("ENTITY ISOLATION: %d calls as the super-admin of A on B, %d wrong%n", calls,
                mismatches.size());

        assertThat(mismatches).isEmpty();
        assertThat(snapshot(b)).as("B's data after A's attempts").isEqualTo(before);
    }

    @Test
    @Order(2)
    void aTransactionOfANamingBsMemberOrCategoryIsRefusedAsAnUnknownOne() {
        Api.Response foreignMember = a.api().post("/api/transactions", Map.of("userId", b.member(),
                "type", "RECEIVABLE", "amount", "5.00", "date", "2026-06-03"));
        Api.Response unknownMember = a.api().post("/api/transactions", Map.of("userId", UNKNOWN,
                "type", "RECEIVABLE", "amount", "5.00", "date", "2026-06-03"));
        Api.Response foreignCategory = a.api().post("/api/transactions", Map.of("userId", a.member(),
                "type", "RECEIVABLE", "amount", "5.00", "date", "2026-06-03", "categoryId", b.category()));

        assertThat(foreignMember.status()).isBetween(400, 499).isEqualTo(unknownMember.status());
        assertThat(foreignCategory.status()).isBetween(400, 499);
        assertThat(foreignMember.body()).doesNotContain(b.marker());
    }

    @Test
    @Order(3)
    void listsSearchesReportsAndExportsOfAShowNothingOfB() {
        assertThat(a.api().get("/api/users?q=" + b.marker()).json().at("/page/totalElements").asLong()).isZero();
        assertThat(a.api().get("/api/transactions?q=" + b.marker()).json().at("/page/totalElements").asLong())
                .isZero();
        assertThat(a.api().get("/api/users?size=100").body()).doesNotContain(b.marker(), b.member());
        assertThat(a.api().get("/api/transactions?size=100").body()).doesNotContain(b.transaction());
        assertThat(a.api().get("/api/categories").json().valueStream().map(c -> c.at("/id").asString()).toList())
                .doesNotContain(b.category()).contains(a.category());
        assertThat(a.api().get("/api/reports?size=100").body()).doesNotContain(b.report());
        assertThat(a.api().get("/api/notifications?size=100").body()).doesNotContain(b.marker(), b.transaction());

        var report = a.api().post("/api/reports", Map.of("from", "2026-01-01", "to", "2026-12-31",
                "granularity", "MONTH"));
        assertThat(report.json().at("/totals/count").asLong()).as("only A's transaction").isEqualTo(1);
        assertThat(report.body()).doesNotContain(b.marker(), b.member());
        var csv = a.api().getAny("/api/reports/" + report.at("/id") + "/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains(a.marker()).doesNotContain(b.marker());
    }

    @Test
    @Order(5)
    void theLiveFeedOfACarriesNoneOfBsEvents() {
        List<SseClient.Event> seen = new CopyOnWriteArrayList<>();
        String token = Tokens.password(a.username(), PASSWORD);
        try (SseClient feed = SseClient.connect(Stack.get().gatewayUrl() + "/api/notifications/stream", token,
                null)) {
            assertThat(feed.status()).isEqualTo(200);
            String fromB = b.api().post("/api/transactions", Map.of("userId", b.member(), "type", "COLLECTED",
                    "amount", "3.00", "date", "2026-06-04")).at("/id");
            // B's event is published before A's: once A's has arrived, B's would have too.
            String fromA = a.api().post("/api/transactions", Map.of("userId", a.member(), "type", "COLLECTED",
                    "amount", "3.00", "date", "2026-06-04")).at("/id");
            feed.await(event -> seen.add(event) && event.data().contains(fromA), Duration.ofSeconds(20));
            assertThat(seen).noneMatch(event -> event.data().contains(fromB));
        }
        assertThat(seen).noneMatch(event -> event.data().contains(b.marker()));
    }

    @Test
    @Order(4)
    void aCallerOfSeveralEntitiesNamesOne() {
        String username = "iso-both-" + UUID.randomUUID().toString().substring(0, 8);
        Tokens.ensureUser(username, PASSWORD, Map.of(a.id(), "admin", b.id(), "admin"));
        Api both = Api.at(Stack.get().gatewayUrl()).as(Tokens.password(username, PASSWORD));

        var unnamed = both.get("/api/users");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().at("/entities").valueStream().map(e -> e.asString()).toList())
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(both.with("X-Entity", b.id()).get("/api/users?q=" + b.marker()).json()
                .at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(both.with("X-Entity", a.id()).get("/api/users?q=" + b.marker()).json()
                .at("/page/totalElements").asLong()).isZero();
        assertThat(both.get("/api/entities").json().valueStream().map(e -> e.at("/id").asString()).toList())
                .contains(a.id(), b.id());
    }

    private static Api.Response send(Api api, String method, String path, Object body) {
        return api.send(method, path, body, "application/json");
    }

    /** The refusal of a foreign id must not tell it apart from an unknown one (the ids themselves aside). */
    private static boolean sameBody(Api.Response foreign, Api.Response unknown, String foreignId) {
        return foreign.body().replace(foreignId, UNKNOWN).equals(unknown.body());
    }

    /** What B holds, as B's super-admin reads it. */
    private static Map<String, String> snapshot(Org org) {
        Map<String, String> state = new TreeMap<>();
        state.put("member", org.api().get("/api/users/" + org.member()).body());
        state.put("transaction", org.api().get("/api/transactions/" + org.transaction()).body());
        state.put("categories", org.api().get("/api/categories").body());
        state.put("report", org.api().get("/api/reports/" + org.report()).body());
        state.put("unread", org.api().get("/api/notifications/unread-count").body());
        state.put("admins", org.api().get("/api/admins").body());
        return state;
    }
}
