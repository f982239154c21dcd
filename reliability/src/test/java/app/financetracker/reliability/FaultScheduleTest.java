package app.financetracker.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.reliability.FaultSchedule.Kind;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void theSameSeedReplaysTheSameScheduleAndWorkload() {
        assertThat(FaultSchedule.draw(7, 10_000)).isEqualTo(FaultSchedule.draw(7, 10_000));
        assertThat(SimulationPlan.draw(7, 10_000, 200)).isEqualTo(SimulationPlan.draw(7, 10_000, 200));
        assertThat(FaultSchedule.draw(8, 10_000)).isNotEqualTo(FaultSchedule.draw(7, 10_000));
    }

    @Test
    void everyKindOfFaultIsScheduledWithinTheRun() {
        FaultSchedule schedule = FaultSchedule.draw(42, 10_000);
        for (Kind kind : Kind.values()) {
            assertThat(schedule.count(kind)).as(kind.name()).isPositive();
        }
        assertThat(schedule.faults()).allSatisfy(fault -> assertThat(fault.atOp()).isBetween(0, 9_999));
        assertThat(schedule.faults()).filteredOn(fault -> fault.kind() == Kind.POISON)
                .extracting(fault -> fault.target().split("\\|")[1])
                .containsAll(FaultSchedule.POISONS);
    }

    @Test
    void thePlanTouchesEveryMemberAndOnlyLiveTransactions() {
        SimulationPlan plan = SimulationPlan.draw(42, 10_000, 200);
        assertThat(plan.ops().stream().map(SimulationPlan.Op::member).distinct()).hasSize(200);
        assertThat(plan.count(SimulationPlan.Kind.CREATE) + plan.count(SimulationPlan.Kind.UPDATE)
                + plan.count(SimulationPlan.Kind.DELETE)).isEqualTo(10_000);
        // A deleted transaction is never touched again.
        java.util.Set<Integer> deleted = new java.util.HashSet<>();
        for (SimulationPlan.Op op : plan.ops()) {
            assertThat(deleted).doesNotContain(op.tx());
            if (op.kind() == SimulationPlan.Kind.DELETE) {
                deleted.add(op.tx());
            }
        }
    }

    @Test
    void everyCategoryIsRenamedDuringTheRunInRoundOrder() {
        SimulationPlan plan = SimulationPlan.draw(42, 10_000, 200);
        assertThat(plan.renames()).hasSize(SimulationPlan.CATEGORIES * SimulationPlan.RENAMES_PER_CATEGORY)
                .allSatisfy(rename -> assertThat(rename.atOp()).isBetween(0, 9_999));
        for (int c = 0; c < SimulationPlan.CATEGORIES; c++) {
            int category = c;
            assertThat(plan.renames()).filteredOn(rename -> rename.category() == category)
                    .extracting(SimulationPlan.Rename::round).containsExactly(1, 2, 3);
            assertThat(plan.finalCategoryName(c)).isEqualTo(plan.categoryName(c, 3));
        }
        assertThat(plan.ops()).extracting(SimulationPlan.Op::category).contains(SimulationPlan.NO_CATEGORY, 0, 4);
        assertThat(FaultSchedule.draw(42, 10_000).faults()).filteredOn(fault -> fault.kind() == Kind.POISON)
                .extracting(fault -> fault.target().split("\\|")[0]).contains("events:categories");
    }

    @Test
    void overTwoEntitiesATransactionMovesOnlyToMembersOfItsOwnEntity() {
        SimulationPlan plan = SimulationPlan.draw(42, 10_000, 200, 2);
        java.util.Map<Integer, Integer> createdFor = new java.util.HashMap<>();
        long moves = 0;
        for (SimulationPlan.Op op : plan.ops()) {
            createdFor.putIfAbsent(op.tx(), op.member());
            assertThat(op.member() % 2).as("op %s", op).isEqualTo(createdFor.get(op.tx()) % 2);
            moves += op.member() != createdFor.get(op.tx()) ? 1 : 0;
        }
        assertThat(moves).as("transactions still move between members").isPositive();
        assertThat(SimulationPlan.draw(42, 10_000, 200, 1)).isEqualTo(SimulationPlan.draw(42, 10_000, 200));
    }
}
