package app.financetracker.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: request i is due at {@code start + i / rate}, whether or not earlier ones have
 * answered, and its latency is counted from that due time, not from when it was actually sent. A stalled server
 * (or a stalled generator) thus shows in the percentiles instead of silently slowing the arrivals down: the
 * correction for coordinated omission. Requests beyond {@code maxInFlight} are not sent and count as failures.
 */
final class OpenLoad {

    /** One run at one arrival rate: latencies in microseconds. */
    record Result(double targetRate, double seconds, long due, long ok, long failed, Histogram latency,
                  String firstError) {

        double achievedRate() {
            return ok / seconds;
        }

        double p(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }

        double max() {
            return latency.getMaxValue() / 1000.0;
        }

        double errorRate() {
            return due == 0 ? 0 : (double) failed / due;
        }
    }

    private OpenLoad() {
    }

    static Result run(HttpClient client, double rate, Duration duration, int maxInFlight, IntFunction<HttpRequest> request) {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long due = 0;
        for (int i = 0; ; i++) {
            long intended = start + i * interval;
            if (intended >= end) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000));
            }
            due++;
            if (inFlight.get() >= maxInFlight) {
                failed.incrementAndGet();
                recordErrorOnce(errors, "more than " + maxInFlight + " requests in flight");
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request.apply(i),
                    HttpResponse.BodyHandlers.discarding());
            pending.add(future.whenComplete((response, error) -> {
                recorder.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                inFlight.decrementAndGet();
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    recordErrorOnce(errors, error != null ? error.toString() : "HTTP " + response.statusCode());
                }
            }));
            if (i % 1000 == 0) {
                pending.removeIf(CompletableFuture::isDone);
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            recordErrorOnce(errors, "requests still open after the run: " + e);
        }
        double seconds = duration.toNanos() / 1e9;
        return new Result(rate, seconds, due, ok.get(), failed.get(), recorder.getIntervalHistogram(), errors.peek());
    }

    private static void recordErrorOnce(ConcurrentLinkedQueue<String> errors, String error) {
        if (errors.size() < 3) {
            errors.add(error);
        }
    }
}
