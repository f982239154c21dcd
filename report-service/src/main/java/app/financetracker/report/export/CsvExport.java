package app.financetracker.report.export;

import app.financetracker.report.report.ReportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A report as one table in the caller's language (ADR 0023), in UTF-8 with a byte order mark, which is what makes
 * Excel read the file as UTF-8. French and Dutch: {@code ;} between fields and a decimal comma ("1234,50"), as
 * Belgian Excel reads them; English: RFC 4180's comma and a decimal point. CRLF, quotes where needed. One table
 * rather than several, so that it sorts, filters and parses back as is: the section column tells the rows apart
 * (report, total, period, category, member), the key column holds what a program matches on (a period's ISO key,
 * an id), the label what a reader does. The amounts are in the console's order; dates are ISO, which Excel reads
 * as dates in every language.
 */
@Component
class CsvExport {

    byte[] write(ReportResponse report, Labels labels) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(labels.decimalSeparator());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            String[] header = header(labels);
            // The printer writes the header as soon as it is made: after the BOM.
            CSVPrinter csv = CSVFormat.RFC4180.builder().setDelimiter(labels.decimalSeparator() == ',' ? ';' : ',')
                    .setHeader(header).get().print(writer);
            Object[] about = new Object[header.length];
            about[0] = labels.text("export.report");
            about[1] = report.id();
            about[2] = labels.generated() + ". " + labels.scope() + ". " + labels.text("export.amountsIn",
                    report.currency());
            about[3] = report.from();
            about[4] = report.to();
            csv.printRecord(about);
            Sheet sheet = new Sheet(csv, labels, new DecimalFormat("0.00", symbols));
            sheet.row("export.total", report.granularity().name(), labels.text("export.total"), report.from(),
                    report.to(), report.totals());
            for (ReportResponse.PeriodFigures p : report.byPeriod()) {
                sheet.row("export.period", p.period(), labels.period(p), p.from(), p.to(), p);
            }
            for (ReportResponse.CategoryFigures c : report.byCategory()) {
                sheet.row("export.category", c.categoryId(), labels.category(c.categoryId(), c.categoryName()),
                        null, null, c);
            }
            for (ReportResponse.MemberFigures m : report.byUser()) {
                sheet.row("export.member", m.userId(), labels.member(m.userId(), m.userName()), null, null, m);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String[] header(Labels labels) {
        List<String> header = new ArrayList<>();
        for (String code : List.of("export.csv.section", "export.csv.key", "export.csv.label", "export.csv.from",
                "export.csv.to")) {
            header.add(labels.text(code));
        }
        for (Measure measure : Measure.values()) {
            header.add(labels.text(measure.code));
        }
        header.add(labels.text("export.count"));
        return header.toArray(String[]::new);
    }

    /** Writes the rows of figures: section, key, label, from, to, the amounts (no grouping), the count. */
    private record Sheet(CSVPrinter csv, Labels labels, DecimalFormat amounts) {

        void row(String section, Object key, String label, Object from, Object to, ReportResponse.Amounts line)
                throws IOException {
            List<Object> values = new ArrayList<>(Arrays.asList(labels.text(section), key, label, from, to));
            for (Measure measure : Measure.values()) {
                values.add(amounts.format(measure.of(line)));
            }
            values.add(line.count());
            csv.printRecord(values);
        }
    }
}
