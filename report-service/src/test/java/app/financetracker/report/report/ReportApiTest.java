package app.financetracker.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.report.Ledger;
import app.financetracker.report.Ledger.Tx;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reports through the API: figures equal sums computed here from the published transactions, stored reports
 * never change, the history pages newest first, bad requests get problems. Each test works in a year of its
 * own, so that the shared stream's other transactions stay out of its figures.
 */
@ServiceIntegrationTest
class ReportApiTest {

    private static final String[] TYPES = {"RECEIVABLE", "DEBT", "COLLECTED"};

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    Api admin;
    Ledger ledger;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        ledger = new Ledger(redis);
    }

    private Api.Response generate(Object from, Object to, String granularity) {
        return admin.post("/api/reports", Map.of("from", from.toString(), "to", to.toString(),
                "granularity", granularity));
    }

    private static void assertFigures(JsonNode figures, Ledger ledger, Predicate<Tx> filter) {
        BigDecimal receivables = ledger.sum("RECEIVABLE", filter);
        BigDecimal debts = ledger.sum("DEBT", filter);
        BigDecimal collected = ledger.sum("COLLECTED", filter);
        assertThat(figures.get("receivables").decimalValue()).isEqualByComparingTo(receivables);
        assertThat(figures.get("debts").decimalValue()).isEqualByComparingTo(debts);
        assertThat(figures.get("collected").decimalValue()).isEqualByComparingTo(collected);
        assertThat(figures.get("outstanding").decimalValue())
                .isEqualByComparingTo(receivables.subtract(collected).subtract(debts));
        assertThat(figures.get("count").asLong()).isEqualTo(ledger.live(filter).size());
    }

    @Test
    void figuresEqualTheSumsOfThePublishedTransactions() {
        Random random = new Random(5);
        List<String> members = List.of(Ledger.id(), Ledger.id(), Ledger.id(), Ledger.id());
        Map<String, String> categories = Map.of(Ledger.id(), "Camp", Ledger.id(), "Uniforms", Ledger.id(), "Dues");
        List<String> categoryIds = List.copyOf(categories.keySet());
        // 2031: a year no other test uses. Transactions on both sides of the report's bounds too.
        LocalDate first = LocalDate.of(2031, 1, 20);
        Map<String, Tx> byId = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            String category = categoryIds.get(random.nextInt(3));
            Tx tx = ledger.create(members.get(random.nextInt(4)), TYPES[random.nextInt(3)],
                    BigDecimal.valueOf(1 + random.nextInt(50_000), 2).toPlainString(), category,
                    categories.get(category), first.plusDays(random.nextInt(120)));
            byId.put(tx.id(), tx);
        }
        // Some are edited (other amount, member, category, day or type) and some deleted, as treasurers do.
        List<Tx> some = byId.values().stream().limit(30).toList();
        for (int i = 0; i < some.size(); i++) {
            Tx tx = some.get(i);
            if (i % 3 == 0) {
                ledger.delete(tx);
            } else {
                String category = categoryIds.get(random.nextInt(3));
                ledger.update(tx, members.get(random.nextInt(4)), TYPES[random.nextInt(3)], "12.34", category,
                        categories.get(category), tx.date().plusDays(random.nextInt(40) - 20));
            }
        }
        ledger.awaitConsumed();

        LocalDate from = LocalDate.of(2031, 2, 10);
        LocalDate to = LocalDate.of(2031, 4, 30);
        var created = generate(from, to, "MONTH");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/reports/" + report.get("id").asString());
        assertThat(report.get("from").asString()).isEqualTo("2031-02-10");
        assertThat(report.get("granularity").asString()).isEqualTo("MONTH");
        assertThat(report.get("createdBy").asString()).isEqualTo("admin");
        Predicate<Tx> inReport = Ledger.between(from, to);
        assertFigures(report.get("totals"), ledger, inReport);

        JsonNode periods = report.get("byPeriod");
        assertThat(periods).hasSize(3);
        assertThat(periods.get(0).get("period").asString()).isEqualTo("2031-02");
        assertThat(periods.get(0).get("from").asString()).isEqualTo("2031-02-10");
        assertThat(periods.get(0).get("to").asString()).isEqualTo("2031-02-28");
        for (JsonNode period : periods) {
            assertFigures(period, ledger, Ledger.between(LocalDate.parse(period.get("from").asString()),
                    LocalDate.parse(period.get("to").asString())));
        }
        assertThat(report.get("byCategory")).hasSize(3);
        for (JsonNode category : report.get("byCategory")) {
            String id = category.get("categoryId").asString();
            assertThat(category.get("categoryName").asString()).isEqualTo(categories.get(id));
            assertFigures(category, ledger, inReport.and(tx -> tx.categoryId().equals(id)));
        }
        JsonNode users = report.get("byUser");
        assertThat(users).hasSize(4);
        for (int i = 0; i < users.size(); i++) {
            String id = users.get(i).get("userId").asString();
            assertFigures(users.get(i), ledger, inReport.and(tx -> tx.userId().equals(id)));
            if (i > 0) {
                assertThat(users.get(i).get("outstanding").decimalValue())
                        .isLessThanOrEqualTo(users.get(i - 1).get("outstanding").decimalValue());
            }
        }

        // The same figures cut by ISO week and by day, and for one member in one category.
        JsonNode weekly = generate(from, to, "week").json();
        assertFigures(weekly.get("totals"), ledger, inReport);
        assertThat(weekly.get("byPeriod").get(0).get("period").asString()).isEqualTo("2031-W07");
        assertThat(weekly.get("byPeriod").get(0).get("to").asString()).isEqualTo("2031-02-16");
        for (JsonNode week : weekly.get("byPeriod")) {
            assertFigures(week, ledger, Ledger.between(LocalDate.parse(week.get("from").asString()),
                    LocalDate.parse(week.get("to").asString())));
        }
        JsonNode daily = generate(from, to, "DAY").json();
        assertThat(daily.get("byPeriod")).hasSize(80);
        for (JsonNode day : daily.get("byPeriod")) {
            LocalDate date = LocalDate.parse(day.get("period").asString());
            assertFigures(day, ledger, Ledger.between(date, date));
        }
        String member = members.get(1);
        String category = categoryIds.get(2);
        JsonNode narrow = admin.post("/api/reports", Map.of("from", from.toString(), "to", to.toString(),
                "granularity", "MONTH", "userId", member, "categoryId", category)).json();
        Predicate<Tx> narrowFilter = inReport.and(tx -> tx.userId().equals(member) && tx.categoryId().equals(category));
        assertFigures(narrow.get("totals"), ledger, narrowFilter);
        assertThat(narrow.get("categoryName").asString()).isEqualTo(categories.get(category));
        assertThat(narrow.get("byUser")).hasSize(1);
        assertThat(narrow.get("byCategory")).hasSize(1);
        for (JsonNode period : narrow.get("byPeriod")) {
            assertFigures(period, ledger, narrowFilter.and(Ledger.between(
                    LocalDate.parse(period.get("from").asString()), LocalDate.parse(period.get("to").asString()))));
        }
    }

    @Test
    void aStoredReportStaysAsItWasWhenTransactionsComeLater() {
        String member = Ledger.id();
        String category = Ledger.id();
        LocalDate march = LocalDate.of(2032, 3, 1);
        ledger.create(member, "RECEIVABLE", "300.00", category, "Camp", march.plusDays(4));
        ledger.create(member, "COLLECTED", "120.50", category, "Camp", march.plusDays(9));
        ledger.awaitConsumed();
        var created = generate(march, YearMonth.of(2032, 3).atEndOfMonth(), "MONTH");
        String id = created.at("/id");
        assertThat(created.json().at("/totals/outstanding").decimalValue()).isEqualByComparingTo("179.50");

        ledger.create(member, "RECEIVABLE", "1000.00", category, "Camp", march.plusDays(20));
        ledger.awaitConsumed();

        var again = admin.get("/api/reports/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(created.json());
        var newer = generate(march, YearMonth.of(2032, 3).atEndOfMonth(), "MONTH");
        assertThat(newer.at("/id")).isNotEqualTo(id);
        assertThat(newer.json().at("/totals/outstanding").decimalValue()).isEqualByComparingTo("1179.50");
    }

    @Test
    void memberNamesComeFromTheUserEventsAndStayFrozenInStoredReports() {
        String member = Ledger.id();
        TestEvents.publish(redis, Streams.USERS, TestEvents.memberCreated(member, "Lucas", "Dupont"));
        ledger.create(member, "RECEIVABLE", "42.00", null, null, LocalDate.of(2033, 5, 5));
        ledger.awaitConsumed();
        Ledger.awaitConsumed(redis, Streams.USERS);
        JsonNode before = generate(LocalDate.of(2033, 5, 1), LocalDate.of(2033, 5, 31), "MONTH").json();
        assertThat(before.at("/byUser/0/userName").asString()).isEqualTo("Lucas Dupont");
        assertThat(before.at("/byCategory/0/categoryId").isNull()).isTrue();

        TestEvents.publish(redis, Streams.USERS, TestEvents.member("UserUpdated", member, 1, "Lucas", "Martin"));
        Ledger.awaitConsumed(redis, Streams.USERS);

        JsonNode after = generate(LocalDate.of(2033, 5, 1), LocalDate.of(2033, 5, 31), "MONTH").json();
        assertThat(after.at("/byUser/0/userName").asString()).isEqualTo("Lucas Martin");
        assertThat(admin.get("/api/reports/" + before.get("id").asString()).json().at("/byUser/0/userName").asString())
                .isEqualTo("Lucas Dupont");
        var forMember = admin.post("/api/reports", Map.of("from", "2033-05-01", "to", "2033-05-31",
                "granularity", "DAY", "userId", member));
        assertThat(forMember.json().get("userName").asString()).isEqualTo("Lucas Martin");

        // A member no user event has named yet is shown with the name their transaction carries.
        String newcomer = Ledger.id();
        String transaction = Ledger.id();
        ledger.publishOnly(EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, EventTypes.TRANSACTION_CREATED, transaction, 0, EventCodec.write(
                new TransactionPayload(transaction, newcomer, "Zoé Lambert", "DEBT", new BigDecimal("3.00"), null,
                        null, LocalDate.of(2033, 6, 1), "test"))));
        ledger.awaitConsumed();
        var newcomerReport = admin.post("/api/reports", Map.of("from", "2033-06-01", "to", "2033-06-30",
                "granularity", "MONTH", "userId", newcomer));
        assertThat(newcomerReport.json().get("userName").asString()).isEqualTo("Zoé Lambert");
    }

    @Test
    void aRenamedCategoryShowsItsNewNameInNewReportsFromOneEventAndStaysFrozenInStoredOnes() {
        String category = Ledger.id();
        TestEvents.publish(redis, Streams.CATEGORIES,
                TestEvents.category(EventTypes.CATEGORY_CREATED, category, 0, "Camp d'été"));
        List<Tx> transactions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            transactions.add(ledger.create(Ledger.id(), TYPES[i % 3], "10.00", category, "Camp d'été",
                    LocalDate.of(2039, 7, 1 + i)));
        }
        ledger.awaitConsumed();
        Ledger.awaitConsumed(redis, Streams.CATEGORIES);
        JsonNode before = generate("2039-07-01", "2039-07-31", "MONTH").json();
        assertThat(before.at("/byCategory").findValuesAsString("categoryName")).containsExactly("Camp d'été");

        // transaction-service publishes the rename once, on events:categories, and no event per transaction.
        TestEvents.publish(redis, Streams.CATEGORIES,
                TestEvents.category(EventTypes.CATEGORY_UPDATED, category, 1, "Grand camp"));
        // A transaction edited meanwhile may still carry the old name; the category's own event decides.
        ledger.update(transactions.get(0), transactions.get(0).userId(), "DEBT", "10.00", category, "Camp d'été",
                LocalDate.of(2039, 7, 1));
        // A late, older category event changes nothing.
        TestEvents.publish(redis, Streams.CATEGORIES,
                TestEvents.category(EventTypes.CATEGORY_CREATED, category, 0, "Camp d'été"));
        ledger.awaitConsumed();
        Ledger.awaitConsumed(redis, Streams.CATEGORIES);

        JsonNode after = generate("2039-07-01", "2039-07-31", "MONTH").json();
        assertThat(after.at("/byCategory").findValuesAsString("categoryName")).containsExactly("Grand camp");
        assertThat(after.at("/byCategory/0/count").asLong()).isEqualTo(30);
        var forCategory = admin.post("/api/reports", Map.of("from", "2039-07-01", "to", "2039-07-31",
                "granularity", "MONTH", "categoryId", category));
        assertThat(forCategory.json().get("categoryName").asString()).isEqualTo("Grand camp");
        assertThat(admin.get("/api/reports/" + before.get("id").asString()).json()
                .at("/byCategory/0/categoryName").asString()).isEqualTo("Camp d'été");
    }

    @Test
    void historyListsNewestFirstInPagesAndReportsCanBeDeleted() {
        String first = generate("2030-01-01", "2030-01-31", "DAY").at("/id");
        String second = generate("2030-02-01", "2030-02-28", "WEEK").at("/id");
        String third = generate("2030-03-01", "2030-03-31", "MONTH").at("/id");

        var page = admin.get("/api/reports?size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.at("/content/0/id")).isEqualTo(third);
        assertThat(page.at("/content/1/id")).isEqualTo(second);
        assertThat(page.json().at("/content/0/totals/count").isNumber()).isTrue();
        assertThat(page.json().at("/content/0/byPeriod").isMissingNode()).isTrue();
        assertThat(page.json().at("/page/size").asInt()).isEqualTo(2);
        assertThat(page.json().at("/page/number").asInt()).isEqualTo(0);
        assertThat(page.json().at("/page/totalElements").asLong()).isGreaterThanOrEqualTo(3);
        var oldestFirst = admin.get("/api/reports?size=1000&sort=createdAt,asc").json().get("content");
        List<String> ids = oldestFirst.valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(ids.indexOf(first)).isLessThan(ids.indexOf(second)).isLessThan(ids.indexOf(third));

        assertThat(admin.delete("/api/reports/" + second).status()).isEqualTo(204);
        assertThat(admin.get("/api/reports/" + second).status()).isEqualTo(404);
        assertThat(admin.delete("/api/reports/" + second).status()).isEqualTo(404);
        assertThat(admin.get("/api/reports/" + first).status()).isEqualTo(200);
        assertThat(admin.get("/api/reports?sort=createdBy,asc").status()).isEqualTo(400);
    }

    @Test
    void badRequestsGetProblemsInTheCallersLanguage() {
        assertProblem(generate("2031-05-01", "2031-04-30", "MONTH"), 400, "to", "must not be before the start date");
        assertProblem(generate("2020-01-01", "2030-01-01", "MONTH"), 400, "to", "a report may span at most 10 years");
        assertProblem(admin.with("Accept-Language", "fr-BE,fr;q=0.9").post("/api/reports", Map.of(
                "from", "2020-01-01", "to", "2030-01-01", "granularity", "MONTH")), 400, "to",
                "un rapport peut couvrir au plus 10 ans");
        assertThat(generate("2020-01-01", "2029-12-31", "MONTH").status()).isEqualTo(201);
        // By day, a year at most (366 days in a leap year); past it the rows would be nearly all empty.
        assertProblem(generate("2027-01-01", "2028-01-02", "DAY"), 400, "granularity",
                "a report by day may span at most 366 days: choose by week or by month");
        assertProblem(admin.with("Accept-Language", "nl-BE").post("/api/reports", Map.of("from", "2020-01-01",
                "to", "2025-12-31", "granularity", "DAY")), 400, "granularity",
                "een rapport per dag mag hoogstens 366 dagen beslaan: kies per week of per maand");
        assertThat(generate("2028-01-01", "2028-12-31", "DAY").json().get("byPeriod")).hasSize(366);
        assertThat(generate("2027-01-01", "2028-01-02", "WEEK").status()).isEqualTo(201);
        assertProblem(generate("2031-01-01", "2031-01-31", "YEAR"), 400, "granularity",
                "must be one of DAY, WEEK, MONTH");
        assertProblem(generate("2031-13-01", "2031-01-31", "DAY"), 400, "from", "has the wrong type or format");
        assertProblem(admin.post("/api/reports", Map.of("to", "2031-01-31", "granularity", "DAY")), 400, "from",
                "is required");
        assertProblem(admin.post("/api/reports", Map.of("from", "2031-01-01", "to", "2031-01-31",
                "granularity", "DAY", "userId", "nobody")), 404, "userId", "Member nobody does not exist.");
        assertProblem(admin.post("/api/reports", Map.of("from", "2031-01-01", "to", "2031-01-31",
                "granularity", "DAY", "categoryId", "nothing")), 404, "categoryId", "Category nothing does not exist.");
        assertThat(admin.send("POST", "/api/reports", "{\"from\": ", "application/json").status()).isEqualTo(400);
        var unknown = admin.get("/api/reports/unknown");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.at("/detail")).isEqualTo("Report unknown does not exist.");

        assertThat(Api.at("http://localhost:" + port).get("/api/reports").status()).isEqualTo(401);
        assertThat(Api.at("http://localhost:" + port).as(Tokens.withoutRole()).get("/api/reports").status())
                .isEqualTo(403);
    }

    /** A problem whose {@code errors} name {@code field} with {@code message}. */
    private static void assertProblem(Api.Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals(field)).map(e -> e.get("message").asString()))
                .as(response.body()).containsExactly(message);
    }
}
