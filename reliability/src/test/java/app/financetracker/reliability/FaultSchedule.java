package app.financetracker.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When which fault strikes, drawn from the seed alone: a fault fires once the workload has completed
 * {@code atOp} operations. Times are counted in operations, not seconds, so the same seed gives the same
 * schedule on a fast or a slow machine. What a fault picks among live data (which entries it duplicates) is
 * drawn from its own {@code salt}.
 */
public record FaultSchedule(List<Fault> faults) {

    /** The consumers that are killed: each consumes both streams in its own consumer group. */
    public static final List<String> CONSUMERS = List.of("user-service", "notification-service", "report-service");
    /** Poison kinds: every consumer of the stream must refuse each of them. */
    public static final List<String> POISONS = List.of("no-fields", "bad-version", "not-json", "no-amount");
    /** Those a category consumer must refuse. */
    public static final List<String> CATEGORY_POISONS = List.of("no-fields", "bad-version", "not-json");

    public enum Kind { KILL, RESTART_REDIS, DUPLICATE, REORDER, POISON }

    /**
     * @param target the service killed, or the stream a poison goes to with its kind ({@code stream|kind})
     */
    public record Fault(int atOp, Kind kind, String target, long salt) {
    }

    public static FaultSchedule draw(long seed, int operations) {
        // A different stream of numbers from the plan's, so that changing one never shifts the other.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        List<Fault> faults = new ArrayList<>();
        int kills = Math.max(3, operations / 800);
        String previous = null;
        for (int k = 0; k < kills; k++) {
            String service;
            do {
                service = CONSUMERS.get(random.nextInt(CONSUMERS.size()));
            } while (service.equals(previous));
            previous = service;
            faults.add(new Fault(spread(random, k, kills, operations), Kind.KILL, service, random.nextLong()));
        }
        int restarts = Math.max(1, operations / 3000);
        for (int r = 0; r < restarts; r++) {
            faults.add(new Fault(spread(random, r, restarts, operations), Kind.RESTART_REDIS, "redis", random.nextLong()));
        }
        for (int d = 0; d < Math.max(2, operations / 400); d++) {
            faults.add(new Fault(anywhere(random, operations), Kind.DUPLICATE, "events", random.nextLong()));
        }
        for (int o = 0; o < Math.max(2, operations / 600); o++) {
            faults.add(new Fault(anywhere(random, operations), Kind.REORDER, "events", random.nextLong()));
        }
        for (int p = 0; p < Math.max(POISONS.size(), operations / 600); p++) {
            // Each kind at least once; transaction events more often, as there are more of them.
            String kind = p < POISONS.size() ? POISONS.get(p) : POISONS.get(random.nextInt(POISONS.size()));
            String stream = random.nextInt(4) == 0 ? "events:users" : "events:transactions";
            if (kind.equals("no-amount")) {
                stream = "events:transactions";
            }
            faults.add(new Fault(anywhere(random, operations), Kind.POISON, stream + "|" + kind, random.nextLong()));
        }
        // events:categories (ADR 0018) gets each poison kind but "no-amount" (a category event carries no money,
        // and a CategoryUpdated of an unknown category is rightly ignored, not refused). Drawn last, so the
        // faults above are the same as before categories joined.
        for (String kind : CATEGORY_POISONS) {
            faults.add(new Fault(anywhere(random, operations), Kind.POISON, "events:categories|" + kind,
                    random.nextLong()));
        }
        faults.sort(Comparator.comparingInt(Fault::atOp).thenComparing(Fault::kind).thenComparingLong(Fault::salt));
        return new FaultSchedule(List.copyOf(faults));
    }

    /** The k-th of n faults, spread evenly over the middle of the run with some jitter. */
    private static int spread(SplittableRandom random, int k, int n, int operations) {
        double start = operations * 0.05;
        double slot = operations * 0.85 / n;
        return (int) (start + k * slot + random.nextDouble() * slot * 0.5);
    }

    private static int anywhere(SplittableRandom random, int operations) {
        return (int) (operations * 0.02) + random.nextInt(Math.max(1, (int) (operations * 0.93)));
    }

    public long count(Kind kind) {
        return faults.stream().filter(fault -> fault.kind() == kind).count();
    }

    /** A short fingerprint to compare two runs' schedules by eye. */
    public String fingerprint() {
        // From the text, not hashCode(): an enum's hash differs from one JVM to the next.
        return Integer.toHexString(faults.toString().hashCode());
    }
}
