package app.financetracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The harness (issue 9, ADR 0050), normally run by {@code bench/run.sh}: starts the local stack (or targets a
 * running one), runs every measurement side by side in one run, writes {@code bench/results/<timestamp>.json}
 * and {@code latest.json}, and regenerates the figures of {@code docs/benchmarks.md}.
 *
 * <pre>
 * BenchRun [--quick] [--url http://gateway] [--docs-only results.json]
 * </pre>
 */
public final class BenchRun {

    static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        String url = null;
        Path docsOnly = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--url" -> url = args[++i];
                case "--docs-only" -> docsOnly = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --quick, --url <gateway>, --docs-only <results.json>)");
            }
        }
        Path root = Path.of(System.getProperty("bench.root", "")).toAbsolutePath();
        if (docsOnly != null) {
            Docs.write(root, Http.JSON.readTree(docsOnly.toFile()));
            return;
        }
        Map<String, Object> results = run(root, quick, url);
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String json = PRETTY.writeValueAsString(results);
        Files.writeString(dir.resolve(stamp + ".json"), json);
        Files.writeString(dir.resolve("latest.json"), json);
        Docs.write(root, Http.JSON.readTree(json));
        System.out.println("[bench] results: " + dir.resolve(stamp + ".json") + "; docs/benchmarks.md regenerated");
        System.exit(0);
    }

    private static Map<String, Object> run(Path root, boolean quick, String url) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        Instant begin = Instant.now();
        results.put("timestamp", begin.toString());
        results.put("mode", quick ? "quick" : "full");
        results.put("machine", Machine.describe());
        Map<String, Object> details = new LinkedHashMap<>();
        Stack stack = url == null ? Stack.start(root, root.resolve("bench/target/stack")) : Stack.attach(url);
        try {
            results.put("target", stack.gatewayUrl + (!stack.owned() ? " (running stack)"
                    : Stack.IN_MEMORY
                    ? " (started by the harness, FT_EPHEMERAL=true: embedded Mongo in memory)"
                    : " (started by the harness as ./run.sh: embedded Mongo on disk)"));
            if (stack.owned()) {
                results.put("startup_s", Measurements.round(stack.startupSeconds));
                results.put("startup_keycloak_already_unpacked", stack.keycloakWasUnpacked);
                Fixture.pause(5_000); // let the JVMs settle after start-up before reading their memory
                results.put("stack_rss_mb", stack.rssMegabytes());
                System.out.printf("[bench] stack ready in %.1f s, RSS %d MB%n", stack.startupSeconds, stack.rssMegabytes());
            }
            Http http = new Http(stack.keycloakUrl, env("DEFAULT_ADMIN_USERNAME", "admin"),
                    env("DEFAULT_ADMIN_PASSWORD", "Admin@1234"));
            Fixture fixture = new Fixture(http, stack.gatewayUrl).create(5, 50, 10);
            Measurements measurements = new Measurements(http, stack, fixture, quick);
            try {
                put(results, details, measurements.cache(), "cache_hit_speedup");
                put(results, details, new BatchBenchmark(http, stack.gatewayUrl, fixture).run(), "batch_commit_ms_1000",
                        "batch_settled_s_1000", "batch_settled_s_200", "batch_settled_tx_per_s_1000");
                put(results, details, measurements.gateway(), "gateway_throughput_ratio");
                Map<String, Object> ingest = measurements.ingest();
                put(results, details, ingest, "ingest_tx_per_s");
                double sustained = ((Number) ingest.get("ingest_tx_per_s")).doubleValue();
                put(results, details, measurements.lag(sustained), "lag_p50_ms", "lag_p99_ms", "redis_lag_p50_ms");
                // The embedded server has no secondary indexes, so every query scans; on disk a query at 1M would
                // take longer than the gateway's time-out. 1M on a harness-started stack only in memory.
                int[] sizes = quick ? new int[] {1_000, 10_000}
                        : stack.owned() && !Stack.IN_MEMORY ? new int[] {10_000, 100_000}
                        : new int[] {10_000, 100_000, 1_000_000};
                put(results, details, new GlobalView(http, stack, fixture).run(sizes, quick), "global_view_p99_ms_1m");
                if (stack.owned()) {
                    details.put("stack_rss_mb_after_load", stack.rssMegabytes());
                }
            } finally {
                measurements.close();
            }
        } finally {
            stack.close();
        }
        // In-process, once the stack is gone: it needs its own large heap at 1M.
        put(results, details, report(quick), "report_ms_1m", "report_growth_1m_over_10k");
        results.put("goals", Goals.evaluate(results));
        results.put("details", details);
        results.put("duration_s", java.time.Duration.between(begin, Instant.now()).toSeconds());
        results.put("load_avg_end", Measurements.loadAverage());
        return results;
    }

    private static Map<String, Object> report(boolean quick) throws IOException, InterruptedException {
        String sizes = quick ? "10000,100000" : "10000,100000,1000000";
        Path out = Files.createTempFile("report-bench", ".json");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                quick ? "-Xmx3g" : "-Xmx12g", "-Dbench.out=" + out, "-cp", System.getProperty("java.class.path"),
                ReportBenchmark.class.getName(), sizes).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("The report benchmark failed");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : Http.JSON.readTree(out.toFile())) {
            rows.add(Http.JSON.convertValue(row, Map.class));
        }
        Files.delete(out);
        Map<String, Object> result = new LinkedHashMap<>();
        Double at10k = median(rows, 10_000);
        Double at1m = median(rows, 1_000_000);
        result.put("report_ms_1m", at1m);
        result.put("report_growth_1m_over_10k", at1m == null || at10k == null ? null : Measurements.round(at1m / at10k));
        Double at100k = median(rows, 100_000);
        result.put("report_growth_100k_over_10k", at100k == null || at10k == null ? null
                : Measurements.round(at100k / at10k));
        result.put("report", rows);
        return result;
    }

    private static Double median(List<Map<String, Object>> rows, int size) {
        return rows.stream().filter(row -> ((Number) row.get("transactions")).intValue() == size)
                .map(row -> ((Number) row.get("report_median_ms")).doubleValue()).findFirst().orElse(null);
    }

    /** The headline keys go to the top level, everything else of that measurement under "details". */
    private static void put(Map<String, Object> results, Map<String, Object> details, Map<String, Object> measured,
                            String... keys) {
        List<String> headline = List.of(keys);
        measured.forEach((key, value) -> (headline.contains(key) ? results : details).put(key, value));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
