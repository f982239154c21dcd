package app.financetracker.report.export;

import app.financetracker.report.report.ReportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A report as one RFC 4180 table (comma, CRLF, quotes where needed) in UTF-8 with a byte order mark, which
 * is what makes Excel read the file as UTF-8. One table rather than several, so that it sorts, filters and
 * parses back as is: {@code section} tells the rows apart (REPORT, TOTAL, PERIOD, CATEGORY, MEMBER).
 * Amounts are plain decimals with a dot ("1234.50").
 */
@Component
class CsvExport {

    static final String[] HEADER = {"section", "key", "label", "from", "to", "receivables", "debts", "collected",
            "outstanding", "count"};

    byte[] write(ReportResponse report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            // The printer writes the header as soon as it is made: after the BOM.
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
            csv.printRecord("REPORT", report.id(), Labels.generated(report) + ". " + Labels.scope(report)
                    + ". Amounts in " + report.currency() + ".", report.from(), report.to(), null, null, null, null,
                    null);
            ReportResponse.Figures totals = report.totals();
            csv.printRecord(row("TOTAL", report.granularity().name(), "Total", report.from(), report.to(),
                    totals.receivables(), totals.debts(), totals.collected(), totals.outstanding(), totals.count()));
            for (ReportResponse.PeriodFigures p : report.byPeriod()) {
                csv.printRecord(row("PERIOD", p.period(), p.period(), p.from(), p.to(), p.receivables(), p.debts(),
                        p.collected(), p.outstanding(), p.count()));
            }
            for (ReportResponse.CategoryFigures c : report.byCategory()) {
                csv.printRecord(row("CATEGORY", c.categoryId(), Labels.category(c.categoryId(), c.categoryName()),
                        null, null, c.receivables(), c.debts(), c.collected(), c.outstanding(), c.count()));
            }
            for (ReportResponse.MemberFigures m : report.byUser()) {
                csv.printRecord(row("MEMBER", m.userId(), Labels.member(m.userId(), m.userName()), null, null,
                        m.receivables(), m.debts(), m.collected(), m.outstanding(), m.count()));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object[] row(String section, String key, String label, Object from, Object to, BigDecimal receivables,
                                BigDecimal debts, BigDecimal collected, BigDecimal outstanding, long count) {
        return new Object[] {section, key, label, from, to, receivables.toPlainString(), debts.toPlainString(),
                collected.toPlainString(), outstanding.toPlainString(), count};
    }
}
