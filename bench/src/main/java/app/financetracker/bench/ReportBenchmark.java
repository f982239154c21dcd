package app.financetracker.bench;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.TransactionPayload;
import app.financetracker.events.TransactionTotals;
import app.financetracker.events.TransactionType;
import app.financetracker.report.ledger.Buckets;
import app.financetracker.report.ledger.Directory;
import app.financetracker.report.ledger.LedgerProjection;
import app.financetracker.report.ledger.LedgerRebuild;
import app.financetracker.report.report.ReportGenerator;
import app.financetracker.report.report.ReportProperties;
import app.financetracker.report.report.ReportRequest;
import app.financetracker.report.report.ReportResponse;
import app.financetracker.report.report.ReportService;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 5's benchmark: how long report-service takes to generate (and store) a one-year report by month,
 * with 10k, 100k and 1M transactions in its projection. Report-service's own classes, in-process, against
 * an embedded Mongo server (the memory backend of the default local stack) that this program starts.
 *
 * <p>Per size: a fresh server; the ledger filled with generated transactions (150 members, 12 categories,
 * days spread over 2025) and its buckets built by {@link LedgerRebuild} (event by event would take hours at
 * 1M); then 1,000 more transactions through the live event handler, to time it at that size; then the
 * report, first to warm up, then timed. The totals are checked against sums kept while generating.
 */
public final class ReportBenchmark {

    private static final int MEMBERS = 150;
    private static final int CATEGORIES = 12;
    private static final int WARM_UP = 30;
    private static final int RUNS = 50;
    private static final int LIVE_EVENTS = 1000;
    private static final int ENTITIES = 10;
    private static final TransactionType[] TYPES = {TransactionType.RECEIVABLE, TransactionType.RECEIVABLE,
            TransactionType.DEBT, TransactionType.COLLECTED, TransactionType.COLLECTED};
    private static final LocalDate YEAR = LocalDate.of(2025, 1, 1);

    private ReportBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(text -> Integer.parseInt(text.strip())).toArray();
        System.out.printf(Locale.ROOT, "Report benchmark: JVM %s, %d cores, max heap %d MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> rows = new ArrayList<>();
        List<java.util.Map<String, Object>> results = new ArrayList<>();
        for (int size : sizes) {
            rows.add(run(size, 1, results));
        }
        // Issue 17: the largest size again, with the members spread over ten entities; the report is one entity's.
        rows.add(run(sizes[sizes.length - 1], ENTITIES, results));
        // Called by the harness (BenchRun): the figures as JSON for its results file.
        String out = System.getProperty("bench.out");
        if (out != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(out), Http.JSON.writeValueAsString(results));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        System.out.println();
        System.out.println("| transactions | load + rebuild | buckets | live event (median) | report median | p90 | min | max |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    /**
     * One size: {@code entities} 1 puts everything in the default entity; more spreads the members over that many
     * entities (member {@code m} in entity {@code m % entities}), and the report is the default entity's.
     */
    private static String run(int size, int entities, List<java.util.Map<String, Object>> results) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "reports");
            Directory directory = new Directory(mongo);
            Buckets buckets = new Buckets(mongo, directory);
            LedgerProjection projection = new LedgerProjection(mongo, directory, buckets);
            ReportService reports = new ReportService(mongo, directory, new ReportGenerator(buckets, directory),
                    new ReportProperties(null, null, null, null));

            Data data = new Data(entities);
            long loadStart = System.nanoTime();
            List<Document> batch = new ArrayList<>(10_000);
            for (int i = 0; i < size; i++) {
                TransactionPayload tx = data.next();
                batch.add(LedgerProjection.entry(data.entityOf(tx), tx.id(), 0, false, tx));
                if (batch.size() == 10_000) {
                    mongo.insert(batch, LedgerProjection.LEDGER);
                    batch = new ArrayList<>(10_000);
                }
            }
            if (!batch.isEmpty()) {
                mongo.insert(batch, LedgerProjection.LEDGER);
            }
            long bucketCount = new LedgerRebuild(mongo, directory).rebuild();
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf(Locale.ROOT, "%,d transactions loaded and %,d buckets built in %.1f s%n", size,
                    bucketCount, loadSeconds);

            long[] live = new long[LIVE_EVENTS];
            for (int i = 0; i < LIVE_EVENTS; i++) {
                TransactionPayload tx = data.next();
                EventEnvelope event = EventEnvelope.create(data.entityOf(tx), EventTypes.TRANSACTION_CREATED,
                        tx.id(), 0, EventCodec.write(tx));
                long start = System.nanoTime();
                projection.handle(event, EventCodec.read(event, TransactionPayload.class));
                live[i] = System.nanoTime() - start;
            }
            Arrays.sort(live);
            System.out.printf(Locale.ROOT, "live events: median %.2f ms, p90 %.2f ms%n", live[LIVE_EVENTS / 2] / 1e6,
                    live[LIVE_EVENTS * 9 / 10] / 1e6);

            ReportRequest yearByMonth = new ReportRequest(YEAR, YEAR.plusYears(1).minusDays(1), "MONTH", null, null);
            ReportResponse report = null;
            for (int i = 0; i < WARM_UP; i++) {
                report = reports.create(EventEnvelope.DEFAULT_ENTITY, yearByMonth, "bench");
            }
            data.check(report);
            long[] times = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                reports.create(EventEnvelope.DEFAULT_ENTITY, yearByMonth, "bench");
                times[i] = System.nanoTime() - start;
            }
            Arrays.sort(times);
            double median = times[RUNS / 2] / 1e6;
            System.out.printf(Locale.ROOT, "1-year monthly report at %,d: median %.1f ms, p90 %.1f ms, min %.1f ms,"
                    + " max %.1f ms (%d runs after %d warm-up; totals verified)%n", size, median,
                    times[RUNS * 9 / 10] / 1e6, times[0] / 1e6, times[RUNS - 1] / 1e6, RUNS, WARM_UP);
            java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
            result.put("transactions", size);
            result.put("entities", entities);
            result.put("load_s", Measurements.round(loadSeconds));
            result.put("buckets", bucketCount);
            result.put("live_event_median_ms", Measurements.round(live[LIVE_EVENTS / 2] / 1e6));
            result.put("report_median_ms", Measurements.round(median));
            result.put("report_p90_ms", Measurements.round(times[RUNS * 9 / 10] / 1e6));
            result.put("report_min_ms", Measurements.round(times[0] / 1e6));
            result.put("report_max_ms", Measurements.round(times[RUNS - 1] / 1e6));
            results.add(result);
            return String.format(Locale.ROOT, "| %,d%s | %.1f s | %,d | %.2f ms | **%.1f ms** | %.1f ms | %.1f ms | %.1f ms |",
                    size, entities > 1 ? " (one entity of " + entities + ")" : "", loadSeconds, bucketCount, live[LIVE_EVENTS / 2] / 1e6, median, times[RUNS * 9 / 10] / 1e6,
                    times[0] / 1e6, times[RUNS - 1] / 1e6);
        } finally {
            server.shutdownNow();
        }
    }

    /** Deterministic transactions, and their sums per type kept on the side to check the report. */
    private static final class Data {

        private final Random random = new Random(42);
        private final int entities;
        private final List<String> members = new ArrayList<>();
        private final List<String> categories = new ArrayList<>();
        private TransactionTotals expected = TransactionTotals.ZERO;
        private long count;

        Data(int entities) {
            this.entities = entities;
            for (int i = 0; i < MEMBERS; i++) {
                members.add(new UUID(1, i).toString());
            }
            for (int i = 0; i < CATEGORIES; i++) {
                categories.add(new UUID(2, i).toString());
            }
        }

        TransactionPayload next() {
            int member = random.nextInt(MEMBERS);
            int category = random.nextInt(CATEGORIES);
            TransactionType type = TYPES[random.nextInt(TYPES.length)];
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(50_000), 2);
            if (member % entities == 0) {
                expected = expected.plus(type, amount);
                count++;
            }
            return new TransactionPayload(UUID.randomUUID().toString(), members.get(member), "Member " + member,
                    type.name(), amount, categories.get(category), "Category " + category, YEAR.plusDays(random.nextInt(365)),
                    "benchmark");
        }

        /** The entity of a transaction: its member's (the default entity holds the members 0, entities, 2·entities…). */
        String entityOf(TransactionPayload tx) {
            int member = members.indexOf(tx.userId()) % entities;
            return member == 0 ? EventEnvelope.DEFAULT_ENTITY : "bench-other-" + member;
        }

        void check(ReportResponse report) {
            ReportResponse.Figures totals = report.totals();
            if (totals.receivables().compareTo(expected.receivables()) != 0
                    || totals.debts().compareTo(expected.debts()) != 0
                    || totals.collected().compareTo(expected.collected()) != 0 || totals.count() != count
                    || report.byPeriod().size() != 12 || report.byCategory().size() != CATEGORIES) {
                throw new IllegalStateException("Report totals differ from the generated data: " + totals
                        + " vs " + expected + ", count " + count);
            }
        }
    }
}
