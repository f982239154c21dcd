package app.financetracker.report.report;

import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored report as the API shows it (DESIGN §5). {@code byUser} holds the members with the largest
 * outstanding amounts; {@code timeZone} is the zone its timestamps are shown in by the exports.
 */
public record ReportResponse(String id, LocalDate from, LocalDate to, Granularity granularity, @Nullable String userId,
                             @Nullable String userName, @Nullable String categoryId, @Nullable String categoryName,
                             String timeZone, String currency, Instant createdAt, String createdBy, Figures totals,
                             List<PeriodFigures> byPeriod, List<CategoryFigures> byCategory,
                             List<MemberFigures> byUser) {

    /** What every line of a report has: the totals, a period's, a category's and a member's figures. */
    public interface Amounts {

        BigDecimal receivables();

        BigDecimal debts();

        BigDecimal collected();

        BigDecimal outstanding();

        long count();
    }

    public record Figures(BigDecimal receivables, BigDecimal debts, BigDecimal collected, BigDecimal outstanding,
                          long count) implements Amounts {

        static Figures of(Report.Line line) {
            return new Figures(money(line.receivables()), money(line.debts()), money(line.collected()),
                    money(line.outstanding()), line.count());
        }
    }

    public record PeriodFigures(String period, LocalDate from, LocalDate to, BigDecimal receivables, BigDecimal debts,
                                BigDecimal collected, BigDecimal outstanding, long count) implements Amounts {
    }

    public record CategoryFigures(@Nullable String categoryId, @Nullable String categoryName, BigDecimal receivables,
                                  BigDecimal debts, BigDecimal collected, BigDecimal outstanding, long count)
            implements Amounts {
    }

    public record MemberFigures(String userId, String userName, BigDecimal receivables, BigDecimal debts,
                                BigDecimal collected, BigDecimal outstanding, long count) implements Amounts {
    }

    static ReportResponse of(Report report) {
        return new ReportResponse(report.id(), LocalDate.parse(report.from()), LocalDate.parse(report.to()),
                report.granularity(), report.userId(), report.userName(), report.categoryId(),
                report.categoryName(), report.timeZone(), report.currency(), report.createdAt(), report.createdBy(),
                Figures.of(report.totals()),
                report.byPeriod().stream().map(l -> new PeriodFigures(l.key(), LocalDate.parse(l.from()),
                        LocalDate.parse(l.to()), money(l.receivables()), money(l.debts()), money(l.collected()),
                        money(l.outstanding()), l.count())).toList(),
                report.byCategory().stream().map(l -> new CategoryFigures(l.key(), l.label(), money(l.receivables()),
                        money(l.debts()), money(l.collected()), money(l.outstanding()), l.count())).toList(),
                report.byUser().stream().map(l -> new MemberFigures(l.key(), l.label(), money(l.receivables()),
                        money(l.debts()), money(l.collected()), money(l.outstanding()), l.count())).toList());
    }

    /** Amounts leave with two decimals (DESIGN §1). */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
