package app.financetracker.reliability;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.MalformedEventException;
import app.financetracker.events.Streams;
import app.financetracker.launcher.LocalStack;
import app.financetracker.reliability.FaultSchedule.Fault;
import app.financetracker.testkit.Infra;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Carries out faults: kill -9 of a consumer (the launcher's supervisor restarts it), a Redis restart, copies of
 * entries already delivered, older versions of a transaction re-published after its newer ones, and poison
 * entries no consumer can use. It remembers every poison entry it wrote: they, and only they, must end in the
 * dead-letter streams.
 */
final class FaultInjector {

    /** The consumer groups (service names) of each stream: each one dead-letters a poison entry once. */
    static final Map<String, List<String>> GROUPS = Map.of(
            Streams.TRANSACTIONS, List.of("user-service", "report-service", "notification-service"),
            Streams.USERS, List.of("transaction-service", "report-service", "notification-service"),
            Streams.CATEGORIES, List.of("transaction-service", "report-service"));
    /** The streams in a fixed order (the random choices of a fault are drawn in it). */
    static final List<String> STREAMS = List.of(Streams.TRANSACTIONS, Streams.USERS, Streams.CATEGORIES);
    private static final int WINDOW = 400;

    private final LocalStack stack;
    private final Infra infra;
    private final StringRedisTemplate redis;
    private final long seed;
    private final Map<FaultSchedule.Kind, AtomicLong> applied = new EnumMap<>(FaultSchedule.Kind.class);
    private final Map<String, AtomicLong> kills = new ConcurrentHashMap<>();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong reordered = new AtomicLong();
    /** Poison entry id → its stream. */
    private final Map<String, String> poison = new ConcurrentHashMap<>();

    FaultInjector(LocalStack stack, Infra infra, StringRedisTemplate redis, long seed) {
        this.stack = stack;
        this.infra = infra;
        this.redis = redis;
        this.seed = seed;
        for (FaultSchedule.Kind kind : FaultSchedule.Kind.values()) {
            applied.put(kind, new AtomicLong());
        }
    }

    void apply(Fault fault) {
        Random random = new Random(seed ^ fault.salt());
        switch (fault.kind()) {
            case KILL -> {
                stack.process(fault.target()).kill();
                kills.computeIfAbsent(fault.target(), name -> new AtomicLong()).incrementAndGet();
            }
            case RESTART_REDIS -> infra.restartRedis();
            case DUPLICATE -> duplicate(random);
            case REORDER -> reorder(random);
            case POISON -> poison(fault.target().split("\\|")[0], fault.target().split("\\|")[1], random);
        }
        applied.get(fault.kind()).incrementAndGet();
    }

    /** Re-adds copies (same event id) of a few recent, already published events of every stream. */
    private void duplicate(Random random) {
        for (String stream : STREAMS) {
            List<MapRecord<String, String, String>> recent = valid(stream);
            int copies = stream.equals(Streams.TRANSACTIONS) ? 5 + random.nextInt(16) : 1;
            for (int i = 0; i < copies && !recent.isEmpty(); i++) {
                add(stream, recent.get(random.nextInt(recent.size())).getValue());
                duplicated.incrementAndGet();
            }
        }
    }

    /**
     * Picks transactions (and a category) with several recent events and re-adds them newest first, older
     * versions last, each event once (copies already in the window, e.g. from an earlier fault, are not re-added
     * again: on the short categories stream they would pile up fault after fault).
     */
    private void reorder(Random random) {
        reorder(Streams.TRANSACTIONS, 5, random);
        reorder(Streams.CATEGORIES, 1, random);
    }

    private void reorder(String stream, int aggregates, Random random) {
        Map<String, Map<String, String>> byEventId = new LinkedHashMap<>();
        valid(stream).forEach(record -> byEventId.putIfAbsent(record.getValue().get("eventId"), record.getValue()));
        Map<String, List<Map<String, String>>> byTransaction = byEventId.values().stream()
                .collect(Collectors.groupingBy(fields -> fields.get("aggregateId"), LinkedHashMap::new,
                        Collectors.toList()));
        List<List<Map<String, String>>> candidates = new ArrayList<>(byTransaction.values().stream()
                .filter(events -> events.stream().map(e -> e.get("aggregateVersion")).distinct().count() > 1)
                .toList());
        java.util.Collections.shuffle(candidates, random);
        for (List<Map<String, String>> events : candidates.subList(0, Math.min(aggregates, candidates.size()))) {
            events.stream()
                    .sorted(Comparator.comparingLong((Map<String, String> e) -> Long.parseLong(e.get("aggregateVersion")))
                            .reversed())
                    .forEach(fields -> {
                        add(stream, fields);
                        reordered.incrementAndGet();
                    });
        }
    }

    private void poison(String stream, String kind, Random random) {
        String aggregate = new UUID(random.nextLong(), random.nextLong()).toString();
        // A type every group of the stream takes: one it ignores would be acknowledged unseen, not dead-lettered.
        String type = switch (stream) {
            case Streams.TRANSACTIONS -> EventTypes.TRANSACTION_CREATED;
            case Streams.CATEGORIES -> EventTypes.CATEGORY_UPDATED;
            default -> EventTypes.USER_UPDATED;
        };
        Map<String, String> fields = new LinkedHashMap<>();
        switch (kind) {
            case "no-fields" -> fields.put("garbage", "poison " + aggregate);
            case "bad-version" -> fields.putAll(envelope(aggregate, type, "v-two",
                    "{\"id\":\"" + aggregate + "\"}"));
            case "not-json" -> fields.putAll(envelope(aggregate, type, "0", "{not json at all"));
            // Well-formed JSON, yet no money can be counted from it: every consumer must refuse it alike.
            case "no-amount" -> fields.putAll(envelope(aggregate, type, "0", "{\"id\":\"" + aggregate
                    + "\",\"userId\":\"" + new UUID(random.nextLong(), random.nextLong())
                    + "\",\"userName\":\"Nobody\",\"type\":\"DEBT\",\"date\":\"2025-06-01\"}"));
            default -> throw new IllegalArgumentException(kind);
        }
        RecordId id = add(stream, fields);
        poison.put(id.getValue(), stream);
    }

    private static Map<String, String> envelope(String aggregate, String type, String version, String payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("eventId", UUID.nameUUIDFromBytes(aggregate.getBytes()).toString());
        fields.put("type", type);
        fields.put("aggregateId", aggregate);
        fields.put("aggregateVersion", version);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("payload", payload);
        return fields;
    }

    /** Recent entries of a stream that are real events (never a poison entry: copies of those would be new poison). */
    private List<MapRecord<String, String, String>> valid(String stream) {
        List<MapRecord<String, String, String>> recent = redis.<String, String>opsForStream()
                .reverseRange(stream, Range.unbounded(), Limit.limit().count(WINDOW));
        List<MapRecord<String, String, String>> valid = new ArrayList<>();
        for (MapRecord<String, String, String> record : recent == null ? List.<MapRecord<String, String, String>>of() : recent) {
            if (poison.containsKey(record.getId().getValue())) {
                continue;
            }
            try {
                EventEnvelope.fromFields(record.getValue());
                valid.add(record);
            } catch (MalformedEventException e) {
                // not an event
            }
        }
        valid.sort(Comparator.comparing(record -> record.getId().getValue()));
        return valid;
    }

    private RecordId add(String stream, Map<String, String> fields) {
        return redis.opsForStream().add(StreamRecords.string(new LinkedHashMap<>(fields)).withStreamKey(stream));
    }

    Map<String, String> poison() {
        return Map.copyOf(poison);
    }

    /** What the dead-letter streams must hold: each poison entry once per consumer group of its stream. */
    Set<String> expectedDeadLetters() {
        return poison.entrySet().stream()
                .flatMap(entry -> GROUPS.get(entry.getValue()).stream().map(group -> entry.getKey() + "@" + group))
                .collect(Collectors.toSet());
    }

    long applied(FaultSchedule.Kind kind) {
        return applied.get(kind).get();
    }

    long kills(String service) {
        AtomicLong count = kills.get(service);
        return count == null ? 0 : count.get();
    }

    long duplicated() {
        return duplicated.get();
    }

    long reordered() {
        return reordered.get();
    }
}
