package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input corpus (issue 10, ADR 0040): a few hundred malformed, mistyped, absurd, hostile or oversized
 * requests over every endpoint, through the gateway as the super-admin. Each must be refused with a 4xx
 * {@code application/problem+json} without a stack trace, and afterwards nothing may have been stored: the counts
 * the API reports are the same as before. The cases come from {@code bad-input-corpus.json}, a compact table
 * expanded here; unknown fields, which are ignored rather than refused, are proven by their own cases.
 */
@ExtendWith(Stack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the corpus first: the updates below raise notifications
class BadInputCorpusIT {

    /** One request of the corpus; {@code expect} 0 means "any 4xx". */
    record Case(String kind, String name, String method, String path, byte[] body, String contentType, boolean chunked,
                int expect) {
    }

    record Outcome(Case kase, int status, String contentType, String body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern REPEAT = Pattern.compile("@repeat\\((.+?),(\\d+)\\)");
    /** What a leaked stack trace or internal error would show. */
    private static final List<String> LEAKS = List.of("\tat ", ".java:", "Exception", "tools.jackson", "org.springframework",
            "com.mongodb", "\"trace\"");
    /** Larger than the gateway's and the services' 256 KB limit. */
    private static final int OVERSIZED = 300 * 1024;

    private static final Map<String, String> placeholders = new LinkedHashMap<>();
    private static Api admin;

    @BeforeAll
    static void someRealDataToAimAt() {
        admin = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin());
        // Unknown and read-only fields on creation are ignored (ADR 0040): the id, balance and version are the server's.
        // A freshly started stack on a loaded machine may take a while to answer its first call.
        Api.Response[] first = new Api.Response[1];
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
            first[0] = admin.post("/api/users", Map.of("firstName", "Corpus", "lastName", "Target",
                    "email", "corpus-" + UUID.randomUUID() + "@example.com", "phone", "+32471234567",
                    "id", "chosen-by-client", "version", 7, "balance", Map.of("outstanding", -1000), "isAdmin", true));
            return first[0].status() == 201;
        });
        var member = first[0];
        assertThat(member.at("/id")).isNotEqualTo("chosen-by-client");
        assertThat(member.json().at("/version").asLong()).isZero();
        assertThat(member.json().at("/balance/outstanding").decimalValue()).isZero();
        String memberId = member.at("/id");
        String category = admin.post("/api/categories", Map.of("name", "Corpus " + UUID.randomUUID(), "color", "#336699"))
                .at("/id");
        // The transaction service learns about the member from events:users.
        String[] transaction = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var created = admin.post("/api/transactions", Map.of("userId", memberId, "type", "RECEIVABLE",
                    "amount", "12.50", "date", "2026-03-14", "categoryId", category, "userName", "Mallory"));
            transaction[0] = created.status() == 201 ? created.at("/id") : null;
            return transaction[0] != null;
        });
        var report = admin.post("/api/reports", Map.of("from", "2026-01-01", "to", "2026-12-31", "granularity", "MONTH",
                "createdBy", "mallory", "totals", Map.of("count", 999)));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        assertThat(report.at("/createdBy")).isEqualTo(Tokens.ADMIN);
        var me = admin.get("/api/me").json();

        placeholders.put("{member}", memberId);
        placeholders.put("{transaction}", transaction[0]);
        placeholders.put("{category}", category);
        placeholders.put("{report}", report.at("/id"));
        placeholders.put("{unknown}", "00000000-0000-0000-0000-000000000000");
        placeholders.put("{meFirst}", me.at("/firstName").asString());
        placeholders.put("{meLast}", me.at("/lastName").asString());
        placeholders.put("{meEmail}", me.at("/email").asString());
        // The member's and the transaction's notifications, so that the counts below start from a settled state.
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/notifications?size=100").body()
                .contains(transaction[0]));
    }

    @Test
    @Order(1)
    void everyBadRequestGetsA4xxProblemAndNothingIsStored() throws IOException {
        List<Case> corpus = corpus();
        Map<String, Long> before = counts();

        List<Outcome> outcomes = corpus.stream().map(BadInputCorpusIT::send).toList();

        List<String> wrong = outcomes.stream().map(BadInputCorpusIT::problemWith).filter(p -> p != null).toList();
        Map<String, Integer> perKind = new TreeMap<>();
        corpus.forEach(c -> perKind.merge(c.kind(), 1, Integer::sum));
        long clientErrors = outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500).count();
        long serverErrors = outcomes.stream().filter(o -> o.status() >= 500).count();
        System.out.printf("BAD-INPUT CORPUS: %d cases %s; 4xx %d, 5xx %d, answered wrongly %d%n",
                corpus.size(), perKind, clientErrors, serverErrors, wrong.size());
        wrong.forEach(w -> System.out.println("BAD-INPUT WRONG: " + w));

        // Garbage that got through would show up now or a moment later (events, notifications): the counts must hold.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofMinutes(2))
                .until(() -> withoutAdmins(counts()).equals(withoutAdmins(before)));
        Map<String, Long> after = counts();
        List<String> storedAdmins = admin.get("/api/admins").json().valueStream()
                .map(a -> a.at("/username").asString()).filter(name -> name.startsWith("corpus")).toList();
        long stored = after.keySet().stream().mapToLong(k -> Math.abs(after.get(k) - before.get(k))).sum()
                + storedAdmins.size();
        System.out.printf("BAD-INPUT CORPUS: stored %d (counts before %s, after %s)%n", stored, before, after);

        assertThat(wrong).as("cases answered wrongly").isEmpty();
        // Admins live in the test run's shared Keycloak, where other test runs may add theirs: ours are named corpus*.
        assertThat(withoutAdmins(after)).isEqualTo(withoutAdmins(before));
        assertThat(storedAdmins).isEmpty();
    }

    /**
     * Whatever names the entity (DESIGN §9) is an entity the caller does not belong to: a 403 problem that does not
     * echo it, on a read and on a write, and nothing is stored.
     */
    @Test
    @Order(2) // right after the corpus, which ends with settled counts; the updates below raise notifications
    void badEntityHeadersAreForbiddenWithAProblem() {
        Map<String, Long> before = counts();
        List<String> wrong = new ArrayList<>();
        for (String entity : List.of("", "DEFAULT", "../default", "default/admin", "*", "{\"$ne\":null}", ".*",
                "x".repeat(5000), "default,other", "%64efault")) {
            for (String method : List.of("GET", "POST")) {
                Api.Response response = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin()).with("X-Entity", entity)
                        .send(method, "/api/users", method.equals("GET") ? null : "{\"firstName\":\"Corpus\","
                                + "\"lastName\":\"Entity\",\"email\":\"corpus-entity@example.com\"}", "application/json");
                if (response.status() != 403 || !response.contentType().startsWith("application/problem+json")
                        || entity.length() > 3 && response.body().contains(entity)) {
                    wrong.add(method + " X-Entity " + abbreviate(entity) + " → " + response.status() + " "
                            + abbreviate(response.body()));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(withoutAdmins(counts())).isEqualTo(withoutAdmins(before));
    }

    /** Regex and operator syntax in search values is taken literally: it matches nothing here, and errs nowhere. */
    @Test
    void operatorsAndRegexesInSearchesAreLiteralText() throws IOException {
        JsonNode table;
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream("/bad-input-corpus.json")) {
            table = JSON.readTree(in);
        }
        List<String> wrong = new ArrayList<>();
        for (JsonNode path : table.get("inert")) {
            var response = admin.get(path.asString());
            if (response.status() != 200 || response.json().at("/page/totalElements").asLong() != 0) {
                wrong.add(path.asString() + " → " + abbreviate(response.toString()));
            }
        }
        System.out.printf("BAD-INPUT CORPUS: %d literal searches, %d wrong%n", table.get("inert").size(), wrong.size());
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Long> withoutAdmins(Map<String, Long> counts) {
        Map<String, Long> rest = new TreeMap<>(counts);
        rest.remove("admins");
        return rest;
    }

    /**
     * Unknown and read-only fields are ignored on every endpoint, never refused (ADR 0040): an update that carries
     * them succeeds and changes only what the API lets a client change.
     */
    @Test
    void unknownAndReadOnlyFieldsAreIgnoredOnUpdates() {
        String member = placeholders.get("{member}");
        var current = admin.get("/api/users/" + member).json();
        var updated = admin.put("/api/users/" + member, Map.of("firstName", "Corpus", "lastName", "Renamed",
                "email", current.at("/email").asString(), "version", current.at("/version").asLong(),
                "id", "other", "createdAt", "1999-01-01T00:00:00Z", "balance", Map.of("outstanding", 1e9),
                "roles", List.of("super-admin"), "__proto__", Map.of("polluted", true)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/id")).isEqualTo(member);
        assertThat(updated.at("/lastName")).isEqualTo("Renamed");
        assertThat(updated.at("/createdAt")).isEqualTo(current.at("/createdAt").asString());
        assertThat(updated.json().at("/balance")).isEqualTo(current.at("/balance"));

        String id = placeholders.get("{transaction}");
        var transaction = admin.get("/api/transactions/" + id).json();
        var changed = admin.put("/api/transactions/" + id, Map.of("userId", member, "type", "RECEIVABLE",
                "amount", "13.00", "date", "2026-03-15", "categoryId", placeholders.get("{category}"),
                "version", transaction.at("/version").asLong(), "userName", "Mallory", "categoryName", "Hacked",
                "deleted", true, "outbox", List.of(Map.of("type", "TransactionDeleted"))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // The name is the service's own copy (it follows the member's events), never the one sent.
        assertThat(changed.at("/userName")).startsWith("Corpus ");
        assertThat(changed.at("/categoryName")).isNotEqualTo("Hacked");
        assertThat(admin.get("/api/transactions/" + id).status()).isEqualTo(200);

        String category = placeholders.get("{category}");
        var categories = admin.get("/api/categories").json();
        long version = categories.valueStream().filter(c -> c.at("/id").asString().equals(category)).findFirst()
                .orElseThrow().at("/version").asLong();
        var recoloured = admin.put("/api/categories/" + category, Map.of("name", "Corpus " + UUID.randomUUID(),
                "color", "#123456", "version", version, "id", "other", "inUse", false));
        assertThat(recoloured.status()).as(recoloured.toString()).isEqualTo(200);
        assertThat(recoloured.at("/id")).isEqualTo(category);
    }

    // ----------------------------------------------------------------------------------------------- the corpus

    private static List<Case> corpus() throws IOException {
        JsonNode table;
        try (InputStream in = BadInputCorpusIT.class.getResourceAsStream("/bad-input-corpus.json")) {
            table = JSON.readTree(in);
        }
        List<Case> cases = new ArrayList<>();
        for (JsonNode target : table.get("targets")) {
            String method = target.get("method").asString();
            String path = target.get("path").asString();
            String base = JSON.writeValueAsString(target.get("base"));
            String group = target.get("group").asString();
            String where = method + " " + path;
            for (JsonNode body : table.get("bodies")) {
                cases.add(new Case("malformed-json", where + " <- " + abbreviate(body.asString()), method, path,
                        bytes(body.asString()), "application/json", false, 400));
            }
            for (JsonNode type : table.get("contentTypes")) {
                String contentType = type.asString().equals("@none") ? null : type.asString();
                cases.add(new Case("content-type", where + " as " + contentType, method, path, bytes(base), contentType,
                        false, 415));
            }
            ObjectNode padded = (ObjectNode) target.get("base").deepCopy();
            padded.put("padding", "x".repeat(OVERSIZED));
            cases.add(new Case("oversized", where + " 300 KB", method, path, bytes(JSON.writeValueAsString(padded)),
                    "application/json", false, 413));
            for (JsonNode field : table.get("fields")) {
                if (!field.get("group").asString().equals(group)
                        || field.has("only") && !field.get("only").asString().equals(method)) {
                    continue;
                }
                String name = field.get("field").asString();
                for (JsonNode value : field.get("values")) {
                    ObjectNode body = (ObjectNode) target.get("base").deepCopy();
                    if (value.isString() && value.asString().equals("@remove")) {
                        body.remove(name);
                    } else {
                        body.set(name, value);
                    }
                    String kind = value.isObject() && value.toString().startsWith("{\"$")
                            || value.isString() && value.asString().matches(".*(\\.\\*|'|;|\\$|<).*")
                            ? "operator-or-regex" : value.isNumber() ? "number" : "field";
                    cases.add(new Case(kind, where + " " + name + "=" + abbreviate(value.toString()), method, path,
                            bytes(JSON.writeValueAsString(body)), "application/json", false,
                            field.path("expect").asInt(400)));
                }
            }
        }
        // A body with no length announced (chunked) is refused by size as it streams, not by its header.
        cases.add(new Case("oversized", "POST /api/users chunked", "POST", "/api/users",
                bytes("{\"firstName\":\"" + "x".repeat(OVERSIZED) + "\"}"), "application/json", true, 0));
        cases.add(new Case("oversized", "POST /api/transactions chunked", "POST", "/api/transactions",
                bytes("[" + "1,".repeat(OVERSIZED / 2) + "1]"), "application/json", true, 0));
        for (JsonNode request : table.get("requests")) {
            String body = request.has("body") ? request.get("body").asString() : null;
            cases.add(new Case(request.get("kind").asString(), request.get("method").asString() + " "
                    + abbreviate(request.get("path").asString()), request.get("method").asString(),
                    request.get("path").asString(), body == null ? null : bytes(body), "application/json", false,
                    request.path("expect").asInt(400)));
        }
        return cases;
    }

    private static byte[] bytes(String text) {
        return expand(text).getBytes(StandardCharsets.UTF_8);
    }

    private static String expand(String text) {
        Matcher repeat = REPEAT.matcher(text);
        String expanded = repeat.replaceAll(m -> Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        for (var placeholder : placeholders.entrySet()) {
            expanded = expanded.replace(placeholder.getKey(), placeholder.getValue());
        }
        return expanded;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\u0000", "\\0");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    // ------------------------------------------------------------------------------------------------ checking

    private static Outcome send(Case kase) {
        HttpRequest.BodyPublisher publisher = kase.body() == null ? HttpRequest.BodyPublishers.noBody()
                : kase.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(kase.body()))
                : HttpRequest.BodyPublishers.ofByteArray(kase.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.get().gatewayUrl() + expand(kase.path())))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.admin())
                .header("Accept", "application/json, application/problem+json")
                .method(kase.method(), publisher);
        if (kase.contentType() != null && kase.body() != null) {
            request.header("Content-Type", kase.contentType());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(kase, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            // A connection the server closed on an oversized body is a refusal too, but not a problem response.
            return new Outcome(kase, -1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with this outcome, or null when it is a proper refusal. */
    private static String problemWith(Outcome outcome) {
        Case kase = outcome.kase();
        String seen = outcome.status() + " " + outcome.contentType() + " " + abbreviate(outcome.body()) + "  ← ["
                + kase.kind() + "] " + kase.name();
        if (kase.expect() != 0 ? outcome.status() != kase.expect() : outcome.status() < 400 || outcome.status() >= 500) {
            return "expected " + (kase.expect() == 0 ? "4xx" : kase.expect()) + ": " + seen;
        }
        if (!outcome.contentType().startsWith("application/problem+json")) {
            return "not a problem: " + seen;
        }
        if (LEAKS.stream().anyMatch(outcome.body()::contains)) {
            return "leaks internals: " + seen;
        }
        JsonNode problem = JSON.readTree(outcome.body());
        if (problem.at("/status").asInt() != outcome.status()) {
            return "status in the body differs: " + seen;
        }
        return null;
    }

    /** Totals as the API reports them. */
    private static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        counts.put("users", total("/api/users?size=1"));
        counts.put("transactions", total("/api/transactions?size=1"));
        counts.put("categories", (long) admin.get("/api/categories").json().size());
        counts.put("reports", total("/api/reports?size=1"));
        counts.put("notifications", total("/api/notifications?size=1"));
        counts.put("admins", (long) admin.get("/api/admins").json().size());
        return counts;
    }

    private static long total(String path) {
        var response = admin.get(path);
        if (response.status() != 200) {
            throw new UncheckedIOException(new IOException(path + " → " + response));
        }
        return response.json().at("/page/totalElements").asLong();
    }
}
