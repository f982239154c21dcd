package app.financetracker.bench;

import app.financetracker.events.EventEnvelope;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The global view (a page of {@code GET /api/transactions} with three filters: type, category and a date
 * range, newest first) at growing numbers of transactions. Making 1M transactions through the API would take
 * hours, so they are written straight into transaction-service's collection, in the document shape its
 * {@code Transaction} record is mapped to, with no pending event: the other services' projections do not see
 * them, which this measurement does not need. The collection is emptied first so that the sizes are exact.
 * Then, at the largest size, nine tenths of the transactions move into nine other entities (issue 17) and the same
 * page is measured again for the bench admin's entity, which now holds one tenth: on the embedded server that
 * scans, the cost follows the whole collection; on MongoDB the indexes that lead with {@code entityId} (ADR 0022)
 * make it follow the entity's own share.
 */
final class GlobalView {

    private static final int BATCH = 2_000;
    /** The bench admin's entity and nine others, for the one-entity-of-ten measurement. */
    private static final int ENTITIES = 10;

    private final Http http;
    private final Stack stack;
    private final Fixture fixture;

    GlobalView(Http http, Stack stack, Fixture fixture) {
        this.http = http;
        this.stack = stack;
        this.fixture = fixture;
    }

    Map<String, Object> run(int[] sizes, boolean quick) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Random random = new Random(7);
        String query = "/api/transactions?type=RECEIVABLE&categoryId=" + fixture.categories.get(0)
                + "&from=2025-03-01&to=2025-09-30&page=0&size=20&sort=date,desc";
        try (MongoClient client = MongoClients.create(stack.mongoUri)) {
            MongoCollection<Document> transactions = client.getDatabase("transactions").getCollection("transactions");
            transactions.deleteMany(new Document());
            long loaded = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                List<Document> batch = new ArrayList<>(BATCH);
                for (; loaded < size; loaded++) {
                    batch.add(document(random));
                    if (batch.size() == BATCH) {
                        transactions.insertMany(batch, new InsertManyOptions().ordered(false));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    transactions.insertMany(batch, new InsertManyOptions().ordered(false));
                }
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                int runs = size >= 100_000 ? 5 : quick ? 10 : 20;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("transactions", size);
                row.put("load_s", Measurements.round(loadSeconds));
                row.putAll(measure("gateway", stack.gatewayUrl + query, runs));
                row.putAll(measure("direct", stack.transactionServiceUrl + query, runs));
                row.put("load_avg", Measurements.loadAverage());
                rows.add(row);
                System.out.printf("[bench] global view at %,d: %s%n", size, row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> largest = rows.get(rows.size() - 1);
        out.put("global_view_one_entity_of_ten", oneEntityOfTen(query, largest, quick));
        out.put("global_view_p99_ms_1m", ((Number) largest.get("transactions")).intValue() >= 1_000_000
                ? largest.get("gateway_p99_ms") : null);
        out.put("global_view", rows);
        return out;
    }

    /** The largest size again, after nine tenths of the transactions moved into nine other entities. */
    private Map<String, Object> oneEntityOfTen(String query, Map<String, Object> allInOne, boolean quick) {
        try (MongoClient client = MongoClients.create(stack.mongoUri)) {
            MongoCollection<Document> transactions = client.getDatabase("transactions").getCollection("transactions");
            for (int other = 1; other < ENTITIES; other++) {
                transactions.updateMany(new Document("benchEntity", other),
                        new Document("$set", new Document("entityId", "bench-other-" + other)));
            }
        }
        int size = ((Number) allInOne.get("transactions")).intValue();
        int runs = size >= 100_000 ? 5 : quick ? 10 : 20;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("transactions", size);
        row.put("entities", ENTITIES);
        row.put("all_in_one_gateway_p50_ms", allInOne.get("gateway_p50_ms"));
        row.put("all_in_one_matching", allInOne.get("matching"));
        row.putAll(measure("gateway", stack.gatewayUrl + query, runs));
        System.out.printf("[bench] global view, one entity of %d at %,d: %s%n", ENTITIES, size, row);
        return row;
    }

    /** Requests one after the other (after two to warm up); p99 of so few is their maximum, said as such. */
    private Map<String, Object> measure(String name, String url, int runs) {
        for (int i = 0; i < 2; i++) {
            http.send(http.get(url));
        }
        long[] times = new long[runs];
        int failures = 0;
        long total = -1;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(http.get(url));
            times[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                failures++;
            } else {
                total = Http.JSON.readTree(response.body()).get("page").get("totalElements").asLong();
            }
        }
        Arrays.sort(times);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(name + "_p50_ms", Measurements.round(times[runs / 2] / 1e6));
        out.put(name + "_p99_ms", Measurements.round(times[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)] / 1e6));
        out.put(name + "_failures", failures);
        out.put(name + "_runs", runs);
        out.put("matching", total);
        return out;
    }

    private Document document(Random random) {
        int memberIndex = random.nextInt(fixture.loadMembers.size());
        int categoryIndex = random.nextInt(fixture.categories.size());
        String type = Fixture.TYPES[random.nextInt(Fixture.TYPES.length)];
        Date now = new Date();
        return new Document("_id", UUID.randomUUID().toString())
                .append("entityId", EventEnvelope.DEFAULT_ENTITY)
                .append("benchEntity", random.nextInt(ENTITIES))
                .append("userId", fixture.loadMembers.get(memberIndex))
                .append("userName", "Bench Member " + memberIndex)
                .append("type", type)
                .append("amount", new Decimal128(BigDecimal.valueOf(100 + random.nextInt(50_000), 2)))
                .append("categoryId", fixture.categories.get(categoryIndex))
                .append("categoryName", "Bench " + categoryIndex)
                .append("date", java.time.LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)).toString())
                .append("description", "bench-bulk")
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("version", 0L)
                .append("deleted", false)
                .append("outbox", List.of())
                .append("_class", "app.financetracker.transaction.ledger.Transaction");
    }
}
