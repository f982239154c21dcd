package app.financetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.Streams;
import app.financetracker.launcher.LocalStack;
import app.financetracker.reliability.SimulationPlan.Final;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Infra;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The seeded fault simulation (issue 10, docs/reliability.md §1): thousands of transaction creates, edits and
 * deletes over hundreds of members while consumers are killed, Redis restarts, and deliveries are duplicated,
 * reordered and poisoned, and the transactions' categories are renamed; then every member's balance, every
 * notification, the report totals, every category name (on the transactions and in the report) and the
 * dead-letter streams must match what the plan says, computed without the system. The members belong to two
 * entities in turn ({@link Operator}): each entity's balances, notifications and report must be exact, and no
 * projection may carry a change into the other entity.
 * {@code -Dfaults.seed=… -Dfaults.operations=… -Dfaults.members=… -Dfaults.threads=…} size a longer run.
 */
@ExtendWith(ReliabilityStack.class)
class FaultSimulationIT {

    private static final long SEED = Long.getLong("faults.seed", 20261125L);
    private static final int OPERATIONS = Integer.getInteger("faults.operations", 10_000);
    private static final int MEMBERS = Integer.getInteger("faults.members", 200);
    private static final int THREADS = Integer.getInteger("faults.threads", 6);
    private static final Duration CONVERGENCE = Duration.ofMinutes(Long.getLong("faults.convergeMinutes", 15));

    private static LettuceConnectionFactory redisConnections;
    private static StringRedisTemplate redis;
    private static MongoClient mongo;

    @BeforeAll
    static void connect() {
        Infra infra = ReliabilityStack.infra();
        redisConnections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(infra.redisHost(),
                infra.redisPort()));
        redisConnections.afterPropertiesSet();
        redisConnections.start();
        redis = new StringRedisTemplate(redisConnections);
        mongo = MongoClients.create(infra.mongoUri());
    }

    @AfterAll
    static void disconnect() {
        if (mongo != null) {
            mongo.close();
        }
        if (redisConnections != null) {
            redisConnections.destroy();
        }
    }

    @Test
    void noMoneyIsLostOrDoubleCountedWhileFaultsStrike() throws Exception {
        SimulationPlan plan = SimulationPlan.draw(SEED, OPERATIONS, MEMBERS, Operator.ENTITIES.size());
        FaultSchedule schedule = FaultSchedule.draw(SEED, OPERATIONS);
        LocalStack stack = ReliabilityStack.stack();
        Instant begin = Instant.now();
        Operator.ensure();

        List<String> memberIds = createMembers(stack.serviceUrl("user-service"));
        // transaction-service learns members from events:users; creates for a member it has not heard of are 422.
        await("transaction-service knows every member").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> mongo.getDatabase("transactions").getCollection("members")
                        .countDocuments(new Document("deleted", false)) >= MEMBERS);

        List<List<String>> categoryIds = createCategories(plan, stack.serviceUrl("transaction-service"));

        FaultInjector injector = new FaultInjector(stack, ReliabilityStack.infra(), redis, SEED);
        Workload workload = new Workload(plan, memberIds, categoryIds, stack.serviceUrl("transaction-service"),
                THREADS);
        workload.run(schedule, injector);
        Instant workloadDone = Instant.now();

        Expected expected = new Expected(plan, memberIds, categoryIds, workload, injector);
        Tally[] last = new Tally[1];
        try {
            await("the projections agree with the plan").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(10))
                    .untilAsserted(() -> {
                        last[0] = tally(stack, expected);
                        assertThat(last[0].problems()).isEmpty();
                    });
        } finally {
            Tally tally = last[0];
            Instant end = Instant.now();
            System.out.printf("[fault-simulation] seed=%d schedule=%s operations=%d (creates=%d edits=%d deletes=%d) "
                            + "members=%d threads=%d faults=%d: kill9=%d (user=%d notification=%d report=%d) "
                            + "redisRestarts=%d duplicated=%d reordered=%d poison=%d | unanswered=%d refused=%d "
                            + "resent=%d renames=%d/%d (resent=%d) | lost=%s doubleCounted=%s balancesWrong=%s "
                            + "notifications=%s dlq=%s reportTotals=%s categoryNames=%s entities=%d crossed=%s | "
                            + "workload=%ds "
                            + "convergence=%ds total=%ds%n",
                    SEED, schedule.fingerprint(), OPERATIONS, plan.count(SimulationPlan.Kind.CREATE),
                    plan.count(SimulationPlan.Kind.UPDATE), plan.count(SimulationPlan.Kind.DELETE), MEMBERS, THREADS,
                    schedule.faults().size(), injector.applied(FaultSchedule.Kind.KILL), injector.kills("user-service"),
                    injector.kills("notification-service"), injector.kills("report-service"),
                    injector.applied(FaultSchedule.Kind.RESTART_REDIS), injector.duplicated(), injector.reordered(),
                    injector.applied(FaultSchedule.Kind.POISON), workload.unanswered(), workload.refused(),
                    workload.resent(), workload.renamed(), plan.renames().size() * Operator.ENTITIES.size(),
                    workload.renamesResent(),
                    tally == null ? "?" : tally.lost(), tally == null ? "?" : tally.doubleCounted(),
                    tally == null ? "?" : tally.balancesWrong(), tally == null ? "?" : tally.notifications(),
                    tally == null ? "?" : tally.deadLetters(), tally == null ? "?" : tally.reportOk() ? "equal" : "DIFFERENT",
                    tally == null ? "?" : tally.categoryNames(), Operator.ENTITIES.size(),
                    tally == null ? "?" : tally.crossed(),
                    Duration.between(begin, workloadDone).toSeconds(), Duration.between(workloadDone, end).toSeconds(),
                    Duration.between(begin, end).toSeconds());
        }
        assertThat(injector.applied(FaultSchedule.Kind.KILL)).isEqualTo(schedule.count(FaultSchedule.Kind.KILL));
        assertThat(injector.applied(FaultSchedule.Kind.RESTART_REDIS))
                .isEqualTo(schedule.count(FaultSchedule.Kind.RESTART_REDIS));
    }

    private static List<String> createMembers(String userService) {
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            Api.Response created = Operator.api(userService, Operator.entityOf(m)).post("/api/users", Map.of(
                    "firstName", "Sim", "lastName", "Member %04d".formatted(m),
                    "email", "sim-%d-%04d@example.com".formatted(SEED, m)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.at("/id"));
        }
        return ids;
    }

    /**
     * The plan's categories, created through transaction-service under their first names in each entity (the same
     * names: unique per entity only); per entity, their ids by index.
     */
    private static List<List<String>> createCategories(SimulationPlan plan, String transactionService) {
        List<List<String>> ids = new ArrayList<>();
        for (String entity : Operator.ENTITIES) {
            List<String> inEntity = new ArrayList<>();
            for (int c = 0; c < plan.categories(); c++) {
                Api.Response created = Operator.api(transactionService, entity).post("/api/categories",
                        Map.of("name", plan.categoryName(c, 0), "color", "#%06x".formatted(0x102030 * (c + 1))));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                inEntity.add(created.at("/id"));
            }
            ids.add(inEntity);
        }
        return ids;
    }

    /** What the system must show in the end, from the plan and the ids the workload was given. */
    private record Expected(SimulationPlan plan, List<String> memberIds, Map<String, Final> transactions,
                            BigDecimal[][] balances, Set<String> deadLetters, Map<String, String> categoryNames,
                            List<List<String>> categoryIds) {

        Expected(SimulationPlan plan, List<String> memberIds, List<List<String>> categoryIds, Workload workload,
                 FaultInjector injector) {
            this(plan, memberIds, byId(plan, workload), plan.balances(), injector.expectedDeadLetters(),
                    finalNames(plan, categoryIds), categoryIds);
        }

        /** A transaction's category id: its final category in its member's entity, or none. */
        String categoryIdOf(Final transaction) {
            return transaction.category() == SimulationPlan.NO_CATEGORY ? null
                    : categoryIds.get(Operator.ENTITIES.indexOf(Operator.entityOf(transaction.member())))
                            .get(transaction.category());
        }

        /** A transaction's category name in the end: its final category's final name, or none. */
        String categoryNameOf(Final transaction) {
            return transaction.category() == SimulationPlan.NO_CATEGORY ? null
                    : categoryNames.get(categoryIdOf(transaction));
        }

        /** The entity of a member by id. */
        String entityOfMember(String memberId) {
            return Operator.entityOf(memberIds.indexOf(memberId));
        }

        private static Map<String, String> finalNames(SimulationPlan plan, List<List<String>> categoryIds) {
            Map<String, String> names = new HashMap<>();
            for (List<String> inEntity : categoryIds) {
                for (int c = 0; c < inEntity.size(); c++) {
                    names.put(inEntity.get(c), plan.finalCategoryName(c));
                }
            }
            return names;
        }

        private static Map<String, Final> byId(SimulationPlan plan, Workload workload) {
            Map<String, Final> byId = new HashMap<>();
            plan.finals().forEach((tx, state) -> byId.put(workload.transactionId(tx), state));
            return byId;
        }
    }

    /** One look at the system. {@code problems} is empty when everything agrees with the plan. */
    private record Tally(long lost, long doubleCounted, long balancesWrong, String notifications, String deadLetters,
                         boolean reportOk, String categoryNames, long crossed, List<String> problems) {
    }

    private Tally tally(LocalStack stack, Expected expected) {
        List<String> problems = new ArrayList<>();
        // Balances through the public API, in each member's entity, against sums computed from the plan.
        long balancesWrong = 0;
        long overCounted = 0;
        long underCounted = 0;
        for (int m = 0; m < expected.memberIds().size(); m++) {
            Api.Response member = Operator.api(stack.gatewayUrl(), Operator.entityOf(m))
                    .get("/api/users/" + expected.memberIds().get(m));
            BigDecimal[] want = expected.balances()[m];
            boolean right = member.status() == 200
                    && member.json().at("/balance/outstanding").decimalValue()
                    .compareTo(want[0].subtract(want[1]).subtract(want[2])) == 0;
            if (member.status() == 200) {
                String[] sums = {"receivables", "debts", "collected"};
                for (int i = 0; i < 3; i++) {
                    int difference = member.json().at("/balance/" + sums[i]).decimalValue().compareTo(want[i]);
                    overCounted += difference > 0 ? 1 : 0;
                    underCounted += difference < 0 ? 1 : 0;
                    right &= difference == 0;
                }
            }
            if (!right) {
                balancesWrong++;
                if (balancesWrong <= 3) {
                    problems.add("member " + m + " balance " + member + " expected " + List.of(want));
                }
            }
        }

        // user-service's entries: one per transaction at its last accepted version.
        long stale = 0;
        long extra = 0;
        // Entity crossings: a document of one entity's change stored under the other entity (issue 17).
        long crossed = 0;
        MongoDatabase users = mongo.getDatabase("users");
        Set<String> seen = new HashSet<>();
        for (Document entry : users.getCollection("balance_entries").find()) {
            String id = entry.getString("_id");
            Final want = expected.transactions().get(id);
            seen.add(id);
            crossed += want != null && !Operator.entityOf(want.member()).equals(entry.getString("entityId")) ? 1 : 0;
            if (want == null) {
                extra++;
            } else if (((Number) entry.get("version")).longValue() < want.version()) {
                stale++;
            } else if (entry.getBoolean("deleted") != want.deleted()
                    || ((Decimal128) entry.get("amount")).bigDecimalValue().compareTo(want.amount()) != 0) {
                extra++;
            }
        }
        stale += expected.transactions().keySet().stream().filter(id -> !seen.contains(id)).count();

        // Exactly one notification per accepted change (and per member created), none for anything else.
        Map<String, Integer> notified = new HashMap<>();
        long others = 0;
        for (Document notification : mongo.getDatabase("notifications").getCollection("notifications").find()) {
            String key = notification.getString("transactionId") != null ? notification.getString("transactionId")
                    : notification.getString("userId");
            String type = notification.getString("type");
            String memberId = notification.getString("userId");
            crossed += expected.memberIds().contains(memberId)
                    && !expected.entityOfMember(memberId).equals(notification.getString("entityId")) ? 1 : 0;
            if (type.startsWith("Transaction") && expected.transactions().containsKey(key)
                    || type.equals("UserCreated") && expected.memberIds().contains(key)) {
                notified.merge(key + "/" + type, 1, Integer::sum);
            } else {
                others++;
            }
        }
        long missing = 0;
        long repeated = others;
        Map<String, Integer> wanted = new HashMap<>();
        expected.memberIds().forEach(id -> wanted.put(id + "/UserCreated", 1));
        expected.transactions().forEach((id, state) -> {
            wanted.put(id + "/TransactionCreated", 1);
            if (state.updates() > 0) {
                wanted.put(id + "/TransactionUpdated", state.updates());
            }
            if (state.deleted()) {
                wanted.put(id + "/TransactionDeleted", 1);
            }
        });
        for (var want : wanted.entrySet()) {
            int got = notified.getOrDefault(want.getKey(), 0);
            missing += Math.max(0, want.getValue() - got);
            repeated += Math.max(0, got - want.getValue());
        }
        long wantedTotal = wanted.values().stream().mapToLong(Integer::longValue).sum();
        long gotTotal = notified.values().stream().mapToLong(Integer::longValue).sum() + others;
        if (missing + repeated > 0) {
            problems.add("notifications: " + missing + " missing, " + repeated + " extra (" + others + " unexpected)");
        }

        // Each entity's report over the whole year totals the same as the plan's members of that entity.
        boolean reportOk = true;
        List<Api.Response> reports = new ArrayList<>();
        for (String entity : Operator.ENTITIES) {
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            for (int m = 0; m < expected.balances().length; m++) {
                if (!Operator.entityOf(m).equals(entity)) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    totals[i] = totals[i].add(expected.balances()[m][i]);
                }
            }
            long liveCount = expected.transactions().values().stream()
                    .filter(t -> !t.deleted() && Operator.entityOf(t.member()).equals(entity)).count();
            Api.Response report = Operator.api(stack.gatewayUrl(), entity).post("/api/reports", Map.of(
                    "from", SimulationPlan.FIRST_DAY.toString(), "to", SimulationPlan.LAST_DAY.toString(),
                    "granularity", "MONTH"));
            reports.add(report);
            boolean ok = report.status() == 201
                    && report.json().at("/totals/receivables").decimalValue().compareTo(totals[0]) == 0
                    && report.json().at("/totals/debts").decimalValue().compareTo(totals[1]) == 0
                    && report.json().at("/totals/collected").decimalValue().compareTo(totals[2]) == 0
                    && report.json().at("/totals/count").asLong() == liveCount;
            if (!ok) {
                problems.add("report totals of " + entity + " " + (report.status() == 201
                        ? report.json().at("/totals") : report) + " expected " + List.of(totals) + " count "
                        + liveCount);
            }
            reportOk &= ok;
        }

        // Category names (ADR 0018): every live transaction shows its category's final name, and so does the
        // report's row of each category, however the renames' events were killed, duplicated or reordered.
        long staleTransactions = 0;
        long named = 0;
        String example = "";
        for (Document transaction : mongo.getDatabase("transactions").getCollection("transactions")
                .find(new Document("deleted", false))) {
            Final want = expected.transactions().get(transaction.getString("_id"));
            if (want == null || want.deleted()) {
                continue;
            }
            crossed += Operator.entityOf(want.member()).equals(transaction.getString("entityId")) ? 0 : 1;
            named += want.category() == SimulationPlan.NO_CATEGORY ? 0 : 1;
            if (!java.util.Objects.equals(transaction.getString("categoryName"), expected.categoryNameOf(want))) {
                if (staleTransactions++ == 0) {
                    example = " (e.g. " + transaction.getString("_id") + ": " + transaction.getString("categoryName")
                            + ", not " + expected.categoryNameOf(want) + ")";
                }
            }
        }
        // The reports have a row for each category a live transaction is in, in that transaction's entity only.
        Set<String> inUse = new HashSet<>();
        expected.transactions().values().stream().filter(t -> !t.deleted() && t.category() != SimulationPlan.NO_CATEGORY)
                .forEach(t -> inUse.add(expected.categoryIdOf(t)));
        long staleRows = 0;
        Set<String> rows = new HashSet<>();
        for (int e = 0; e < reports.size(); e++) {
            if (reports.get(e).status() != 201) {
                continue;
            }
            for (var row : reports.get(e).json().at("/byCategory")) {
                String id = row.path("categoryId").asText(null);
                String want = expected.categoryNames().get(id);
                if (want != null) {
                    rows.add(id);
                    staleRows += want.equals(row.path("categoryName").asText(null)) ? 0 : 1;
                    crossed += expected.categoryIds().get(e).contains(id) ? 0 : 1;
                }
            }
        }
        if (staleTransactions > 0) {
            problems.add("category names: " + staleTransactions + " transactions show an old name" + example);
        }
        if (staleRows > 0) {
            problems.add("category names: " + staleRows + " report rows show an old name");
        }
        if (reportOk && !rows.containsAll(inUse)) {
            problems.add("category names: the report has rows for " + rows.size() + " of the " + inUse.size()
                    + " categories in use");
        }
        String categoryNames = (staleTransactions + staleRows == 0 ? "ok" : (staleTransactions + staleRows) + " stale")
                + " (" + named + " categorised transactions, " + staleTransactions + " stale; report rows "
                + rows.size() + "/" + inUse.size() + ", " + staleRows + " stale)";

        // The dead-letter streams hold the poison entries, once per consumer group, and nothing else.
        Set<String> deadLetters = new HashSet<>();
        long deadLetterEntries = 0;
        for (String stream : FaultInjector.STREAMS) {
            for (MapRecord<String, Object, Object> entry : redis.opsForStream().range(Streams.deadLetter(stream),
                    Range.unbounded())) {
                deadLetters.add(entry.getValue().get("sourceId") + "@" + entry.getValue().get("group"));
                deadLetterEntries++;
            }
        }
        Set<String> missingLetters = new HashSet<>(expected.deadLetters());
        missingLetters.removeAll(deadLetters);
        Set<String> strayLetters = new HashSet<>(deadLetters);
        strayLetters.removeAll(expected.deadLetters());
        if (!missingLetters.isEmpty() || !strayLetters.isEmpty()) {
            problems.add("dead letters: missing " + missingLetters + ", not poison " + strayLetters);
        }

        // No consumer is stuck: nothing left pending in any group.
        long pending = 0;
        for (var stream : FaultInjector.GROUPS.entrySet()) {
            for (String group : stream.getValue()) {
                PendingMessagesSummary summary = redis.opsForStream().pending(stream.getKey(), group);
                pending += summary == null ? 0 : summary.getTotalPendingMessages();
            }
        }
        if (pending > 0) {
            problems.add(pending + " entries still pending");
        }
        if (crossed > 0) {
            problems.add(crossed + " documents or report rows in another entity than their change's");
        }
        if (balancesWrong > 0) {
            problems.add(balancesWrong + " balances differ");
        }
        if (stale + extra > 0) {
            problems.add("balance entries: " + stale + " missing or stale, " + extra + " not matching any accepted change");
        }
        // Money lost: a change missing from a projection or a balance sum too low; counted twice: the reverse.
        return new Tally(stale + missing + underCounted, extra + repeated + overCounted, balancesWrong, gotTotal + "/" + wantedTotal,
                deadLetterEntries + " entries, " + deadLetters.size() + "/" + expected.deadLetters().size()
                        + " poison×group", reportOk, categoryNames, crossed, problems);
    }
}
