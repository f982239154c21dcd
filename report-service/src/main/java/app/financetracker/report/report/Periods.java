package app.financetracker.report.report;

import app.financetracker.report.ledger.BucketKey;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Calendar arithmetic of reports: the rows of a period, and the buckets that cover a range. */
final class Periods {

    /** One row of {@code byPeriod}: its label ("2026-03", "2026-W11", "2026-03-14") and its days within the report. */
    record Period(String label, LocalDate from, LocalDate to) {
    }

    /** A bucket of the ledger, before choosing its entity, category and member. */
    record Slice(BucketKey.Span span, LocalDate start) {

        BucketKey key(String entityId, String category, String member) {
            return new BucketKey(entityId, span, start, category, member);
        }
    }

    private Periods() {
    }

    /** The rows of [from, to], the first and last clipped to the report's bounds. */
    static List<Period> split(LocalDate from, LocalDate to, Granularity granularity) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = switch (granularity) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
            };
            if (end.isAfter(to)) {
                end = to;
            }
            periods.add(new Period(label(start, granularity), start, end));
            start = end.plusDays(1);
        }
        return periods;
    }

    static String label(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    /**
     * The fewest buckets that cover [from, to] exactly: a month bucket for each whole calendar month inside,
     * day buckets for the rest. At most ~60 days plus one per month, whatever the number of transactions.
     */
    static List<Slice> cover(LocalDate from, LocalDate to) {
        List<Slice> slices = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            LocalDate monthEnd = day.with(TemporalAdjusters.lastDayOfMonth());
            if (day.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                slices.add(new Slice(BucketKey.Span.MONTH, day));
                day = monthEnd.plusDays(1);
            } else {
                slices.add(new Slice(BucketKey.Span.DAY, day));
                day = day.plusDays(1);
            }
        }
        return slices;
    }
}
