package app.financetracker.report.report;

import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.FourDigitYear;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What to report on: [from, to] (both days included), cut by {@code granularity} (DAY, WEEK or MONTH),
 * optionally only one member's or one category's transactions. Granularity is text so that an unknown
 * value gets a field error naming the allowed ones rather than a JSON shape error.
 */
public record ReportRequest(@NotNull @FourDigitYear LocalDate from, @NotNull @FourDigitYear LocalDate to,
                            @NotBlank String granularity, String userId, String categoryId) {

    /** The most days a report by day may list: a year, leap or not; past it, nearly every row would be empty. */
    static final int MAX_DAYS_BY_DAY = 366;

    /**
     * The granularity, once the period is one the generator will cut: {@code to} not before {@code from}, less
     * than {@code maxYears} apart, and at most {@link #MAX_DAYS_BY_DAY} days when cut by day.
     *
     * @throws BadRequestException otherwise
     */
    Granularity checked(int maxYears) {
        Granularity chosen = Granularity.parse(granularity).orElseThrow(() ->
                new BadRequestException("granularity", "report.granularity"));
        if (to.isBefore(from)) {
            throw new BadRequestException("to", "report.toBeforeFrom");
        }
        if (!to.isBefore(from.plusYears(maxYears))) {
            throw new BadRequestException("to", "report.tooLong", maxYears);
        }
        if (chosen == Granularity.DAY && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS_BY_DAY) {
            throw new BadRequestException("granularity", "report.dailyTooLong", MAX_DAYS_BY_DAY);
        }
        return chosen;
    }
}
