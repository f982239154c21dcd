package app.financetracker.report.export;

import app.financetracker.report.report.ReportResponse;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * The amounts of a report line in the console's order (its report tables and its bar chart), each with the console's
 * colour ({@code TYPE_COLORS} in frontend/src/charts.ts), so that an export reads like the screen it came from.
 */
enum Measure {
    RECEIVABLES("export.receivables", new Color(0xB4, 0x53, 0x09), ReportResponse.Amounts::receivables),
    COLLECTED("export.collected", new Color(0x15, 0x80, 0x3D), ReportResponse.Amounts::collected),
    DEBTS("export.debts", new Color(0x1D, 0x4E, 0xD8), ReportResponse.Amounts::debts),
    OUTSTANDING("export.outstanding", new Color(0xB9, 0x1C, 0x1C), ReportResponse.Amounts::outstanding);

    /** What the bar chart draws, as the console's does: the outstanding amount follows from the other three. */
    static final List<Measure> CHARTED = List.of(RECEIVABLES, COLLECTED, DEBTS);

    /** The column heading's message code. */
    final String code;
    final Color color;
    private final Function<ReportResponse.Amounts, BigDecimal> amount;

    Measure(String code, Color color, Function<ReportResponse.Amounts, BigDecimal> amount) {
        this.code = code;
        this.color = color;
        this.amount = amount;
    }

    BigDecimal of(ReportResponse.Amounts line) {
        return amount.apply(line);
    }
}
