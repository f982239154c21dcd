package app.financetracker.bench;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/** The measurements made against the running stack; each returns what goes into the results file. */
final class Measurements {

    private static final String TRANSACTIONS_STREAM = "events:transactions";

    private final Http http;
    private final Stack stack;
    private final Fixture fixture;
    private final boolean quick;
    private final RedisClient redisClient;
    private final RedisCommands<String, String> redis;

    Measurements(Http http, Stack stack, Fixture fixture, boolean quick) {
        this.http = http;
        this.stack = stack;
        this.fixture = fixture;
        this.quick = quick;
        this.redisClient = RedisClient.create("redis://" + stack.redisHost + ":" + stack.redisPort);
        this.redis = redisClient.connect().sync();
    }

    // ---------------------------------------------------------------- ingest

    /**
     * A ramp of arrival rates of {@code POST /api/transactions} through the gateway. After each step the
     * backlog (events not yet published, delivered or acknowledged by the slowest consumer group) must drain
     * within {@code drainLimit}: that is "consumer lag bounded". The sustained rate is the highest step with
     * p99 ≤ 100 ms, under 0.1 % errors, ≥ 95 % of the target completed and the backlog drained in time.
     */
    Map<String, Object> ingest() {
        // From low rates up: a ramp that starts above the knee only says "missed", not where the knee is.
        double[] rates = quick ? new double[] {10, 25, 50, 100, 250, 500, 1000}
                : new double[] {10, 25, 50, 100, 200, 400, 700, 1000, 1500};
        Duration step = Duration.ofSeconds(quick ? 8 : 20);
        Duration drainLimit = Duration.ofSeconds(5);
        List<Map<String, Object>> steps = new ArrayList<>();
        double sustained = 0;
        long xlen0 = redis.xlen(TRANSACTIONS_STREAM);
        long published = 0;
        int failures = 0;
        int offset = 0;
        for (double rate : rates) {
            int base = offset;
            List<String> members = fixture.loadMembers;
            OpenLoad.Result result = OpenLoad.run(http.client, rate, step, 4000, i -> http.post(
                    stack.gatewayUrl + "/api/transactions",
                    fixture.transaction(members.get((base + i) % members.size()), base + i, "bench-ingest")));
            offset += (int) result.due();
            published += result.ok();
            long backlogAtEnd = backlog(xlen0, published);
            Instant drainStart = Instant.now();
            long backlog = backlogAtEnd;
            while (backlog > 0 && Duration.between(drainStart, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0) {
                Fixture.pause(100);
                backlog = backlog(xlen0, published);
            }
            double drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
            boolean drained = backlog == 0 && drainSeconds <= drainLimit.toSeconds();
            boolean met = result.p(99) <= 100 && result.errorRate() < 0.001 && result.achievedRate() >= 0.95 * rate
                    && drained;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target_per_s", rate);
            row.put("achieved_per_s", round(result.achievedRate()));
            row.put("p50_ms", round(result.p(50)));
            row.put("p90_ms", round(result.p(90)));
            row.put("p99_ms", round(result.p(99)));
            row.put("max_ms", round(result.max()));
            row.put("errors", result.failed());
            row.put("first_error", result.firstError());
            row.put("backlog_at_end", backlogAtEnd);
            row.put("drain_s", drainSeconds);
            row.put("met", met);
            row.put("load_avg", loadAverage());
            steps.add(row);
            System.out.printf("[bench] ingest %5.0f/s: achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d,"
                            + " backlog %d drained in %.1f s -> %s%n", rate, result.achievedRate(), result.p(50),
                    result.p(99), result.max(), result.failed(), backlogAtEnd, drainSeconds, met ? "ok" : "missed");
            if (met) {
                sustained = Math.max(sustained, result.achievedRate());
            } else if (++failures >= 2 || result.p(99) > 2000 || backlog > 0) {
                break; // far past the knee: more steps would only queue work for the next measurements
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ingest_tx_per_s", round(sustained));
        out.put("ingest_steps", steps);
        out.put("ingest_step_s", step.toSeconds());
        out.put("ingest_drain_limit_s", drainLimit.toSeconds());
        return out;
    }

    /** Events the slowest consumer group has still to finish: not yet relayed, plus not yet delivered or acked. */
    private long backlog(long xlen0, long created) {
        return Math.max(0, created - (redis.xlen(TRANSACTIONS_STREAM) - xlen0)) + undelivered();
    }

    /** Events some consumer group has not yet read or not yet acknowledged (the slowest group's count). */
    private long undelivered() {
        long slowest = 0;
        for (Object group : redis.xinfoGroups(TRANSACTIONS_STREAM)) {
            Map<String, Object> fields = pairs((List<?>) group);
            long lag = fields.get("lag") instanceof Long l ? l : 0;
            long pending = fields.get("pending") instanceof Long p ? p : 0;
            slowest = Math.max(slowest, lag + pending);
        }
        return slowest;
    }

    private static Map<String, Object> pairs(List<?> list) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(String.valueOf(list.get(i)), list.get(i + 1));
        }
        return map;
    }

    // ---------------------------------------------------------------- lag

    /**
     * At half the sustained rate (background open load), probes: a transaction for a member nobody else
     * touches, then {@code GET} of that member straight from user-service until its balance shows it. Side by
     * side, the floor: XADD → XREADGROUP of a timestamp on the same Redis, at the probes' pace.
     */
    Map<String, Object> lag(double sustained) {
        // Half the sustained rate; with none sustained, half the ramp's first step (a lag under a load the
        // consumers cannot follow only measures how long the queue has grown).
        double rate = sustained > 0 ? sustained / 2 : 5;
        // Not while the consumers still work off the ramp's last steps: that would time their queue, not the lag.
        Instant drainStart = Instant.now();
        long backlog;
        while ((backlog = undelivered()) > 0 && Duration.between(drainStart, Instant.now()).toMinutes() < 5) {
            Fixture.pause(200);
        }
        double waitedSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
        Duration duration = Duration.ofSeconds(quick ? 20 : 60);
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<OpenLoad.Result> background = CompletableFuture.supplyAsync(() -> OpenLoad.run(http.client,
                rate, duration, 4000, i -> http.post(stack.gatewayUrl + "/api/transactions", fixture.transaction(
                        fixture.loadMembers.get(i % fixture.loadMembers.size()), i, "bench-lag-load"))));
        Histogram floor = new Histogram(3);
        CompletableFuture<Void> floorRun = CompletableFuture.runAsync(() -> redisFloor(running, floor));
        Histogram lag = new Histogram(3);
        long timeouts = 0;
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        for (String member : fixture.probeMembers) {
            expected.put(member, receivables(member));
        }
        Instant end = Instant.now().plus(duration);
        int i = 0;
        while (Instant.now().isBefore(end)) {
            String member = fixture.probeMembers.get(i % fixture.probeMembers.size());
            Map<String, Object> body = fixture.transaction(member, 0, "bench-lag-probe");
            body.put("type", "RECEIVABLE");
            body.put("amount", new BigDecimal("1.00"));
            HttpResponse<String> created = http.send(http.post(stack.gatewayUrl + "/api/transactions", body));
            long acknowledged = System.nanoTime();
            i++;
            if (created.statusCode() != 201) {
                continue;
            }
            BigDecimal want = expected.get(member).add(new BigDecimal("1.00"));
            expected.put(member, want);
            long deadline = acknowledged + Duration.ofSeconds(10).toNanos();
            boolean seen = false;
            while (System.nanoTime() < deadline) {
                if (receivables(member).compareTo(want) == 0) {
                    seen = true;
                    break;
                }
                Fixture.pause(1);
            }
            long elapsed = System.nanoTime() - acknowledged;
            lag.recordValue(Math.max(1, elapsed / 1000));
            if (!seen) {
                timeouts++;
                expected.put(member, receivables(member));
            }
            Fixture.pause(20);
        }
        OpenLoad.Result load = background.join();
        running.set(false);
        floorRun.join();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lag_p50_ms", round(lag.getValueAtPercentile(50) / 1000.0));
        out.put("lag_p99_ms", round(lag.getValueAtPercentile(99) / 1000.0));
        out.put("lag_max_ms", round(lag.getMaxValue() / 1000.0));
        out.put("lag_samples", lag.getTotalCount());
        out.put("lag_timeouts", timeouts);
        out.put("lag_backlog_at_start", backlog);
        out.put("lag_waited_for_drain_s", waitedSeconds);
        out.put("lag_background_rate_per_s", rate);
        out.put("lag_background_achieved_per_s", round(load.achievedRate()));
        out.put("lag_background_p99_ms", round(load.p(99)));
        out.put("redis_lag_p50_ms", round(floor.getValueAtPercentile(50) / 1000.0));
        out.put("redis_lag_p99_ms", round(floor.getValueAtPercentile(99) / 1000.0));
        out.put("redis_lag_samples", floor.getTotalCount());
        System.out.printf("[bench] lag at %.0f/s: p50 %.1f ms, p99 %.1f ms (%d probes, %d timeouts); Redis floor p50 %.2f ms%n",
                rate, lag.getValueAtPercentile(50) / 1000.0, lag.getValueAtPercentile(99) / 1000.0,
                lag.getTotalCount(), timeouts, floor.getValueAtPercentile(50) / 1000.0);
        return out;
    }

    private BigDecimal receivables(String member) {
        JsonNode body = http.expect(200, http.get(stack.userServiceUrl + "/api/users/" + member));
        return body.get("balance").get("receivables").decimalValue();
    }

    /** Raw XADD of the send time, read back by XREADGROUP (blocking) on another connection, every 20 ms. */
    private void redisFloor(AtomicBoolean running, Histogram floor) {
        String key = "bench:floor";
        try (StatefulRedisConnection<String, String> producer = redisClient.connect();
             StatefulRedisConnection<String, String> consumer = redisClient.connect()) {
            try {
                consumer.sync().xgroupCreate(XReadArgs.StreamOffset.from(key, "$"), "bench",
                        XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException e) {
                // the group exists from an earlier run
            }
            AtomicBoolean reading = new AtomicBoolean(true);
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                while (reading.get()) {
                    List<StreamMessage<String, String>> messages = consumer.sync().xreadgroup(
                            Consumer.from("bench", "reader"), XReadArgs.Builder.block(200).count(100),
                            XReadArgs.StreamOffset.lastConsumed(key));
                    long now = System.nanoTime();
                    for (StreamMessage<String, String> message : messages) {
                        floor.recordValue(Math.max(1, (now - Long.parseLong(message.getBody().get("t"))) / 1000));
                        consumer.sync().xack(key, "bench", message.getId());
                    }
                }
            });
            while (running.get()) {
                producer.sync().xadd(key, Map.of("t", Long.toString(System.nanoTime())));
                Fixture.pause(20);
            }
            Fixture.pause(500);
            reading.set(false);
            reader.join();
            producer.sync().del(key);
        }
    }

    // ---------------------------------------------------------------- gateway

    /**
     * The same {@code GET /api/users/{id}} (a cached profile) with the same number of concurrent clients,
     * straight to user-service and through the gateway, in alternating blocks so that noise hits both.
     */
    Map<String, Object> gateway() {
        String member = fixture.probeMembers.get(0);
        String direct = stack.userServiceUrl + "/api/users/" + member;
        String routed = stack.gatewayUrl + "/api/users/" + member;
        int concurrency = 8;
        Duration block = Duration.ofSeconds(quick ? 5 : 10);
        int rounds = quick ? 2 : 3;
        closed(direct, concurrency, Duration.ofSeconds(3));
        closed(routed, concurrency, Duration.ofSeconds(3));
        long directCount = 0;
        long routedCount = 0;
        Histogram directLatency = new Histogram(3);
        Histogram routedLatency = new Histogram(3);
        for (int r = 0; r < rounds; r++) {
            Closed d = closed(direct, concurrency, block);
            Closed g = closed(routed, concurrency, block);
            directCount += d.ok;
            routedCount += g.ok;
            directLatency.add(d.latency);
            routedLatency.add(g.latency);
        }
        double seconds = rounds * block.toMillis() / 1000.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gateway_throughput_ratio", round((double) routedCount / directCount));
        out.put("gateway_concurrency", concurrency);
        out.put("direct_req_per_s", round(directCount / seconds));
        out.put("gateway_req_per_s", round(routedCount / seconds));
        out.put("direct_p50_ms", round(directLatency.getValueAtPercentile(50) / 1000.0));
        out.put("gateway_p50_ms", round(routedLatency.getValueAtPercentile(50) / 1000.0));
        out.put("direct_p99_ms", round(directLatency.getValueAtPercentile(99) / 1000.0));
        out.put("gateway_p99_ms", round(routedLatency.getValueAtPercentile(99) / 1000.0));
        System.out.printf("[bench] GET member: direct %.0f/s, gateway %.0f/s, ratio %.2f%n", directCount / seconds,
                routedCount / seconds, (double) routedCount / directCount);
        return out;
    }

    private record Closed(long ok, long failed, Histogram latency) {
    }

    /** {@code concurrency} clients, each sending its next request when the previous one has answered. */
    private Closed closed(String url, int concurrency, Duration duration) {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Histogram latency = new org.HdrHistogram.ConcurrentHistogram(3);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpRequest request = http.get(url);
                    int status;
                    try {
                        status = http.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    latency.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
                    (status == 200 ? ok : failed).incrementAndGet();
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Closed(ok.get(), failed.get(), latency);
    }

    // ---------------------------------------------------------------- cache

    /** Fresh members: the first GET of each misses the profile cache, the next ones hit it. Straight to user-service. */
    Map<String, Object> cache() {
        int members = quick ? 30 : 100;
        int hits = 5;
        long[] miss = new long[members];
        long[] hit = new long[members * hits];
        for (int m = 0; m < members; m++) {
            String url = stack.userServiceUrl + "/api/users/" + fixture.member();
            miss[m] = timedGet(url);
            for (int h = 0; h < hits; h++) {
                hit[m * hits + h] = timedGet(url);
            }
        }
        Arrays.sort(miss);
        Arrays.sort(hit);
        double missMs = miss[members / 2] / 1e6;
        double hitMs = hit[hit.length / 2] / 1e6;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cache_hit_speedup", round(missMs / hitMs));
        out.put("cache_miss_p50_ms", round(missMs));
        out.put("cache_hit_p50_ms", round(hitMs));
        out.put("cache_samples", members);
        System.out.printf("[bench] member profile: miss %.2f ms, hit %.2f ms, speed-up %.2f%n", missMs, hitMs, missMs / hitMs);
        return out;
    }

    private long timedGet(String url) {
        HttpRequest request = http.get(url);
        long start = System.nanoTime();
        http.expect(200, request);
        return System.nanoTime() - start;
    }

    static double round(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? -1 : Math.round(value * 100) / 100.0;
    }

    static double loadAverage() {
        return round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    void close() {
        redisClient.shutdown();
    }
}
