package app.financetracker.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issue 9's goals (and later issues'), one per headline key: met, missed, or only reported. */
final class Goals {

    /** key, what is measured, goal text, bound (null: report only), whether the value must stay at or below it. */
    record Goal(String key, String what, String text, Double bound, boolean atMost) {
    }

    static final List<Goal> ALL = List.of(
            new Goal("ingest_tx_per_s", "sustained ingest, POST /api/transactions via gateway (p99 ≤ 100 ms, backlog drains)",
                    "≥ 1,000 tx/s", 1000.0, false),
            new Goal("lag_p50_ms", "201 → balance shows it, at half the sustained rate, p50", "≤ 20 ms", 20.0, true),
            new Goal("lag_p99_ms", "201 → balance shows it, at half the sustained rate, p99", "≤ 100 ms", 100.0, true),
            new Goal("redis_lag_p50_ms", "floor: raw XADD → XREADGROUP on the same Redis, p50", "—", null, true),
            new Goal("gateway_throughput_ratio", "GET member via gateway ÷ direct, same concurrency", "≥ 0.8", 0.8, false),
            new Goal("report_ms_1m", "1-year monthly report at 1M transactions (median)", "≤ 200 ms", 200.0, true),
            new Goal("report_growth_1m_over_10k", "report t(1M) ÷ t(10k)", "≤ 2", 2.0, true),
            new Goal("global_view_p99_ms_1m", "global view page, 3 filters, at 1M transactions, p99", "report (flat is the goal)",
                    null, true),
            new Goal("cache_hit_speedup", "member profile GET, miss ÷ hit (median)", "report", null, false),
            new Goal("batch_commit_ms_1000", "POST /api/transactions/batch of 1,000 charges: 201 after", "≤ 2,000 ms",
                    2000.0, true),
            new Goal("batch_settled_s_1000", "batch of 1,000: request → every balance shows its charge", "≤ 10 s", 10.0,
                    true),
            new Goal("batch_settled_s_200", "batch of 200: request → every balance shows its charge", "≤ 3 s", 3.0, true),
            new Goal("batch_settled_tx_per_s_1000", "batch of 1,000: settled rate (charges ÷ request-to-last-balance)",
                    "report", null, false),
            new Goal("startup_s", "launcher start to \"ready\" (warm build)", "≤ 60 s", 60.0, true),
            new Goal("stack_rss_mb", "total RSS of the stack's processes after start", "≤ 2,560 MB", 2560.0, true));

    private Goals() {
    }

    static List<Map<String, Object>> evaluate(Map<String, Object> results) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Goal goal : ALL) {
            Object value = results.get(goal.key());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", goal.key());
            row.put("value", value);
            row.put("goal", goal.text());
            String verdict;
            if (!(value instanceof Number number) || number.doubleValue() < 0) {
                verdict = "not measured";
            } else if (goal.bound() == null) {
                verdict = "reported";
            } else {
                boolean met = goal.atMost() ? number.doubleValue() <= goal.bound() : number.doubleValue() >= goal.bound();
                verdict = met ? "met" : "missed";
            }
            row.put("verdict", verdict);
            out.add(row);
        }
        return out;
    }
}
