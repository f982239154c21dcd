package app.financetracker.report.report;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;

/** A row of the history: what the report covers, who made it and its totals, without the breakdowns. */
record ReportSummary(String id, LocalDate from, LocalDate to, Granularity granularity, @Nullable String userId,
                     @Nullable String userName, @Nullable String categoryId, @Nullable String categoryName,
                     Instant createdAt, String createdBy, ReportResponse.Figures totals) {

    static ReportSummary of(Report report) {
        return new ReportSummary(report.id(), LocalDate.parse(report.from()), LocalDate.parse(report.to()),
                report.granularity(), report.userId(), report.userName(), report.categoryId(),
                report.categoryName(), report.createdAt(), report.createdBy(),
                ReportResponse.Figures.of(report.totals()));
    }
}
