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
 */
public record SimulationPlan(long seed, List<Op> ops, int members) {

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
                     long version) {

        /** A text put into the description so that a create whose response was lost can be found again. */
        public String tag(long seed) {
            return "sim-%d-op-%07d-".formatted(seed, index);
        }
    }

    /** The end state of one transaction, and how many changes of each kind were accepted for it. */
    public record Final(int tx, int member, String type, BigDecimal amount, boolean deleted, long version, int updates) {
    }

    public static SimulationPlan draw(long seed, int operations, int members) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Op> ops = new ArrayList<>(operations);
        List<Integer> live = new ArrayList<>();
        Map<Integer, Op> state = new HashMap<>();
        for (int index = 0; index < operations; index++) {
            double roll = random.nextDouble();
            if (live.isEmpty() || roll < 0.5) {
                Op op = new Op(index, state.size(), Kind.CREATE, random.nextInt(members), type(random), amount(random),
                        date(random), 0);
                live.add(op.tx());
                state.put(op.tx(), op);
                ops.add(op);
            } else if (roll < 0.8) {
                Op current = state.get(live.get(random.nextInt(live.size())));
                // One edit in ten moves the transaction to another member: both balances must follow.
                int member = random.nextDouble() < 0.1 ? random.nextInt(members) : current.member();
                Op op = new Op(index, current.tx(), Kind.UPDATE, member, type(random), amount(random), date(random),
                        current.version());
                state.put(op.tx(), new Op(index, op.tx(), Kind.UPDATE, member, op.type(), op.amount(), op.date(),
                        current.version() + 1));
                ops.add(op);
            } else {
                int slot = random.nextInt(live.size());
                Op current = state.get(live.get(slot));
                live.set(slot, live.get(live.size() - 1));
                live.remove(live.size() - 1);
                ops.add(new Op(index, current.tx(), Kind.DELETE, current.member(), current.type(), current.amount(),
                        current.date(), current.version()));
                state.put(current.tx(), new Op(index, current.tx(), Kind.DELETE, current.member(), current.type(),
                        current.amount(), current.date(), current.version() + 1));
            }
        }
        return new SimulationPlan(seed, List.copyOf(ops), members);
    }

    /** Every transaction's end state, by logical id. */
    public Map<Integer, Final> finals() {
        Map<Integer, Final> finals = new HashMap<>();
        for (Op op : ops) {
            Final before = finals.get(op.tx());
            finals.put(op.tx(), switch (op.kind()) {
                case CREATE -> new Final(op.tx(), op.member(), op.type(), op.amount(), false, 0, 0);
                case UPDATE -> new Final(op.tx(), op.member(), op.type(), op.amount(), false, op.version() + 1,
                        before.updates() + 1);
                case DELETE -> new Final(op.tx(), before.member(), before.type(), before.amount(), true,
                        op.version() + 1, before.updates());
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
