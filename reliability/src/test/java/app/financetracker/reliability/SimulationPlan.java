package app.financetracker.reliability;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The workload, drawn from a seed before anything runs: which logical transaction is created, edited (possibly
 * moved to another member) or deleted by each operation. Because every operation is carried out until it is
 * known to have been accepted, the final state expected of the system is this plan's own end state, computed
 * here without looking at the system at all.
 *
 * @param ops the operations in plan order; those of one transaction must be applied in this order
 * @param members how many members the transactions are spread over
 * @param categories how many categories the transactions use (created before the workload)
 * @param renames the category renames, in the order they are carried out, during the workload
 */
public record SimulationPlan(long seed, List<Op> ops, int members, int categories, List<Rename> renames) {

    /** Categories created before the workload, and how often each is renamed during it. */
    public static final int CATEGORIES = 5;
    public static final int RENAMES_PER_CATEGORY = 3;
    /** A transaction's category is {@code NO_CATEGORY} in about one create or edit in five. */
    public static final int NO_CATEGORY = -1;

    /** Transaction dates fall in this year; reports over it see every transaction. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
    static final List<String> TYPES = List.of("RECEIVABLE", "DEBT", "COLLECTED");

    public enum Kind { CREATE, UPDATE, DELETE }

    /**
     * One operation on logical transaction {@code tx}: its state afterwards ({@code member}, {@code type},
     * {@code amount}, {@code date}), and {@code version}, the version it expects to find (for an update or a
     * delete) or gives (0 for a create).
     */
    public record Op(int index, int tx, Kind kind, int member, String type, BigDecimal amount, LocalDate date,
                     long version, int category) {

        /** A text put into the description so that a create whose response was lost can be found again. */
        public String tag(long seed) {
            return "sim-%d-op-%07d-".formatted(seed, index);
        }
    }

    /** The end state of one transaction, and how many changes of each kind were accepted for it. */
    public record Final(int tx, int member, String type, BigDecimal amount, boolean deleted, long version, int updates,
                        int category) {
    }

    /**
     * Category {@code category} gets the name of {@code round} ({@link #categoryName}) once the workload has
     * completed {@code atOp} operations; rounds of one category come in order, the last is its final name.
     */
    public record Rename(int atOp, int category, int round) {
    }

    public static SimulationPlan draw(long seed, int operations, int members) {
        return draw(seed, operations, members, 1);
    }

    /**
     * A plan whose members belong to {@code entities} entities in turn (member {@code m} to entity
     * {@code m % entities}): a transaction moved to another member stays in its entity, as the API demands (issue 17).
     * With one entity it is the same plan as without entities.
     */
    public static SimulationPlan draw(long seed, int operations, int members, int entities) {
        SplittableRandom random = new SplittableRandom(seed);
        // Categories and renames from their own stream of numbers: the rest of the plan is the same as without them.
        SplittableRandom categoryRandom = new SplittableRandom(seed * 31 + 0xCA7E6021L);
        List<Op> ops = new ArrayList<>(operations);
        List<Integer> live = new ArrayList<>();
        Map<Integer, Op> state = new HashMap<>();
        for (int index = 0; index < operations; index++) {
            double roll = random.nextDouble();
            if (live.isEmpty() || roll < 0.5) {
                Op op = new Op(index, state.size(), Kind.CREATE, random.nextInt(members), type(random), amount(random),
                        date(random), 0, category(categoryRandom));
                live.add(op.tx());
                state.put(op.tx(), op);
                ops.add(op);
            } else if (roll < 0.8) {
                Op current = state.get(live.get(random.nextInt(live.size())));
                // One edit in ten moves the transaction to another member: both balances must follow.
                int member = random.nextDouble() < 0.1 ? inEntityOf(current.member(), random.nextInt(members), members,
                        entities) : current.member();
                Op op = new Op(index, current.tx(), Kind.UPDATE, member, type(random), amount(random), date(random),
                        current.version(), category(categoryRandom));
                state.put(op.tx(), new Op(index, op.tx(), Kind.UPDATE, member, op.type(), op.amount(), op.date(),
                        current.version() + 1, op.category()));
                ops.add(op);
            } else {
                int slot = random.nextInt(live.size());
                Op current = state.get(live.get(slot));
                live.set(slot, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                ops.add(new Op(index, current.tx(), Kind.DELETE, current.member(), current.type(), current.amount(),
                        current.date(), current.version(), current.category()));
                state.put(current.tx(), new Op(index, current.tx(), Kind.DELETE, current.member(), current.type(),
                        current.amount(), current.date(), current.version() + 1, current.category()));
            }
        }
        List<Rename> renames = new ArrayList<>();
        for (int category = 0; category < CATEGORIES; category++) {
            int[] marks = new int[RENAMES_PER_CATEGORY];
            for (int r = 0; r < marks.length; r++) {
                marks[r] = (int) (operations * 0.05) + categoryRandom.nextInt(Math.max(1, (int) (operations * 0.9)));
            }
            java.util.Arrays.sort(marks);
            for (int r = 0; r < marks.length; r++) {
                renames.add(new Rename(marks[r], category, r + 1));
            }
        }
        renames.sort(java.util.Comparator.comparingInt(Rename::atOp).thenComparingInt(Rename::round)
                .thenComparingInt(Rename::category));
        return new SimulationPlan(seed, List.copyOf(ops), members, CATEGORIES, List.copyOf(renames));
    }

    /** The member nearest to {@code drawn} that is in the same entity as {@code member}. */
    private static int inEntityOf(int member, int drawn, int members, int entities) {
        int moved = drawn - drawn % entities + member % entities;
        return moved < members ? moved : moved - entities;
    }

    /** The name category {@code category} has after {@code round} renames (0: as created). Unique per run. */
    public String categoryName(int category, int round) {
        return "Sim %d cat %d r%d".formatted(seed, category, round);
    }

    /** The name each category must show in the end, by category index. */
    public String finalCategoryName(int category) {
        int round = renames.stream().filter(rename -> rename.category() == category).mapToInt(Rename::round).max()
                .orElse(0);
        return categoryName(category, round);
    }

    /** Every transaction's end state, by logical id. */
    public Map<Integer, Final> finals() {
        Map<Integer, Final> finals = new HashMap<>();
        for (Op op : ops) {
            Final before = finals.get(op.tx());
            finals.put(op.tx(), switch (op.kind()) {
                case CREATE -> new Final(op.tx(), op.member(), op.type(), op.amount(), false, 0, 0, op.category());
                case UPDATE -> new Final(op.tx(), op.member(), op.type(), op.amount(), false, op.version() + 1,
                        before.updates() + 1, op.category());
                case DELETE -> new Final(op.tx(), before.member(), before.type(), before.amount(), true,
                        op.version() + 1, before.updates(), before.category());
            });
        }
        return finals;
    }

    /** Per member: receivables, debts, collected of their live transactions. */
    public BigDecimal[][] balances() {
        BigDecimal[][] sums = new BigDecimal[members][3];
        for (BigDecimal[] row : sums) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        for (Final transaction : finals().values()) {
            if (!transaction.deleted()) {
                int column = TYPES.indexOf(transaction.type());
                sums[transaction.member()][column] = sums[transaction.member()][column].add(transaction.amount());
            }
        }
        return sums;
    }

    public long count(Kind kind) {
        return ops.stream().filter(op -> op.kind() == kind).count();
    }

    private static int category(SplittableRandom random) {
        return random.nextInt(5) == 0 ? NO_CATEGORY : random.nextInt(CATEGORIES);
    }

    private static String type(SplittableRandom random) {
        return TYPES.get(random.nextInt(TYPES.size()));
    }

    private static BigDecimal amount(SplittableRandom random) {
        return BigDecimal.valueOf(random.nextInt(1, 100_000), 2);
    }

    private static LocalDate date(SplittableRandom random) {
        return FIRST_DAY.plusDays(random.nextInt(365));
    }
}
