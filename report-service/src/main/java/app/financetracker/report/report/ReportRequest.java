package app.financetracker.report.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * What to report on: [from, to] (both days included), cut by {@code granularity} (DAY, WEEK or MONTH),
 * optionally only one member's or one category's transactions. Granularity is text so that an unknown
 * value gets a field error naming the allowed ones rather than a JSON shape error.
 */
public record ReportRequest(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank String granularity,
                            String userId, String categoryId) {
}
