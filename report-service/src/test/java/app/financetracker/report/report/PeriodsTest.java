package app.financetracker.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.report.ledger.BucketKey;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void monthsAreClippedToTheReportsBounds() {
        assertThat(Periods.split(day("2026-02-10"), day("2026-04-03"), Granularity.MONTH)).containsExactly(
                new Periods.Period("2026-02", day("2026-02-10"), day("2026-02-28")),
                new Periods.Period("2026-03", day("2026-03-01"), day("2026-03-31")),
                new Periods.Period("2026-04", day("2026-04-01"), day("2026-04-03")));
    }

    @Test
    void weeksAreIsoWeeksFromMondayToSundayAcrossTheNewYear() {
        List<Periods.Period> weeks = Periods.split(day("2026-12-30"), day("2027-01-12"), Granularity.WEEK);

        // 2026-12-30 is a Wednesday in ISO week 53 of 2026; 2027-01-04 starts week 1 of 2027.
        assertThat(weeks).containsExactly(
                new Periods.Period("2026-W53", day("2026-12-30"), day("2027-01-03")),
                new Periods.Period("2027-W01", day("2027-01-04"), day("2027-01-10")),
                new Periods.Period("2027-W02", day("2027-01-11"), day("2027-01-12")));
    }

    @Test
    void daysAreOnePeriodEach() {
        assertThat(Periods.split(day("2026-02-27"), day("2026-03-01"), Granularity.DAY))
                .extracting(Periods.Period::label).containsExactly("2026-02-27", "2026-02-28", "2026-03-01");
    }

    @Test
    void aRangeIsCoveredByWholeMonthsAndTheDaysAroundThem() {
        List<Periods.Slice> cover = Periods.cover(day("2026-01-30"), day("2026-04-02"));

        assertThat(cover).containsExactly(
                new Periods.Slice(BucketKey.Span.DAY, day("2026-01-30")),
                new Periods.Slice(BucketKey.Span.DAY, day("2026-01-31")),
                new Periods.Slice(BucketKey.Span.MONTH, day("2026-02-01")),
                new Periods.Slice(BucketKey.Span.MONTH, day("2026-03-01")),
                new Periods.Slice(BucketKey.Span.DAY, day("2026-04-01")),
                new Periods.Slice(BucketKey.Span.DAY, day("2026-04-02")));
        assertThat(Periods.cover(day("2026-01-01"), day("2026-12-31"))).hasSize(12)
                .allMatch(slice -> slice.span() == BucketKey.Span.MONTH);
    }

    @Test
    void idsCannotBeConfusedWithSeparatorsOrTokens() {
        assertThat(BucketKey.token("a|b*c~d.e$f%g")).isEqualTo("a%7Cb%2Ac%7Ed%2Ee%24f%25g");
        assertThat(BucketKey.token("*")).isNotEqualTo(BucketKey.ALL);
        assertThat(BucketKey.categoryToken(null)).isEqualTo(BucketKey.NONE);
        assertThat(BucketKey.cell("unit-a", day("2026-03-14"), null, "m1").id()).isEqualTo("unit-a|D|2026-03-14|~|m1");
    }
}
