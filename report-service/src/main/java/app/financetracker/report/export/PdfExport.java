package app.financetracker.report.export;

import app.financetracker.report.report.ReportResponse;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A report as a PDF an auditor can be handed (OpenPDF): title, period, scope, who generated it and when,
 * the totals, a bar chart and the tables by period, by category and of the members who owe most.
 * Text is set in Liberation Sans (bundled with OpenPDF, embedded), so names in any Latin, Greek or Cyrillic
 * script print as typed; headings use the standard Helvetica Bold.
 */
@Component
class PdfExport {

    private static final Color RECEIVABLES = new Color(0x2B, 0x6C, 0xB0);
    private static final Color DEBTS = new Color(0xC0, 0x56, 0x21);
    private static final Color COLLECTED = new Color(0x2F, 0x85, 0x5A);
    private static final Color RULE = new Color(0xCB, 0xD5, 0xE0);
    private static final Color HEADER_FILL = new Color(0xED, 0xF2, 0xF7);
    private static final Color MUTED = new Color(0x4A, 0x55, 0x68);
    private static final String[] FIGURE_COLUMNS = {"Receivables", "Debts", "Collected", "Outstanding", "Count"};

    private final BaseFont text;
    private final BaseFont bold;

    PdfExport() {
        try (InputStream font = Document.class.getResourceAsStream("/font-fallback/LiberationSans-Regular.ttf")) {
            text = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    font.readAllBytes(), null);
            bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] write(ReportResponse report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 48, 54);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        writer.setPageEvent(new Footer(report));
        document.addTitle("Financial report " + Labels.period(report));
        document.addAuthor(report.createdBy());
        document.addSubject(Labels.scope(report));
        document.addCreator("Finance Tracker");
        document.open();
        try {
            document.add(new Paragraph("Financial report", new Font(bold, 20)));
            document.add(spaced(new Paragraph(Labels.period(report) + ", by " + report.granularity().name()
                    .toLowerCase(), new Font(text, 13)), 4, 8));
            Font meta = new Font(text, 9.5f, Font.NORMAL, MUTED);
            document.add(new Paragraph(Labels.scope(report) + ".", meta));
            document.add(new Paragraph(Labels.generated(report) + ".", meta));
            document.add(new Paragraph("Amounts in " + report.currency() + ". Report " + report.id() + ".", meta));

            heading(document, "Totals");
            PdfPTable totals = table(new float[] {1, 1, 1, 1, 0.7f}, FIGURE_COLUMNS);
            ReportResponse.Figures t = report.totals();
            figures(totals, t.receivables(), t.debts(), t.collected(), t.outstanding(), t.count(), true);
            document.add(totals);

            heading(document, "By " + report.granularity().name().toLowerCase());
            document.add(chart(writer, report));
            PdfPTable periods = table(new float[] {1.3f, 1, 1, 1, 1, 0.7f}, columns("Period"));
            for (ReportResponse.PeriodFigures p : report.byPeriod()) {
                periods.addCell(cell(p.period(), Element.ALIGN_LEFT, false));
                figures(periods, p.receivables(), p.debts(), p.collected(), p.outstanding(), p.count(), false);
            }
            figures(total(periods, "Total"), t.receivables(), t.debts(), t.collected(), t.outstanding(), t.count(), true);
            document.add(periods);

            heading(document, "By category");
            PdfPTable categories = table(new float[] {1.6f, 1, 1, 1, 1, 0.7f}, columns("Category"));
            for (ReportResponse.CategoryFigures c : report.byCategory()) {
                categories.addCell(cell(Labels.category(c.categoryId(), c.categoryName()), Element.ALIGN_LEFT, false));
                figures(categories, c.receivables(), c.debts(), c.collected(), c.outstanding(), c.count(), false);
            }
            figures(total(categories, "Total"), t.receivables(), t.debts(), t.collected(), t.outstanding(), t.count(),
                    true);
            document.add(categories);

            heading(document, report.userId() == null ? "Members with the largest outstanding amounts" : "Member");
            PdfPTable members = table(new float[] {1.6f, 1, 1, 1, 1, 0.7f}, columns("Member"));
            for (ReportResponse.MemberFigures m : report.byUser()) {
                members.addCell(cell(Labels.member(m.userId(), m.userName()), Element.ALIGN_LEFT, false));
                figures(members, m.receivables(), m.debts(), m.collected(), m.outstanding(), m.count(), false);
            }
            if (report.byUser().isEmpty()) {
                PdfPCell none = cell("No transactions in this period.", Element.ALIGN_LEFT, false);
                none.setColspan(6);
                members.addCell(none);
            }
            document.add(members);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out report " + report.id(), e);
        } finally {
            document.close();
        }
        return bytes.toByteArray();
    }

    private void heading(Document document, String title) {
        document.add(spaced(new Paragraph(title, new Font(bold, 13)), 16, 6));
    }

    private static Paragraph spaced(Paragraph paragraph, float before, float after) {
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    private static String[] columns(String first) {
        String[] columns = new String[FIGURE_COLUMNS.length + 1];
        columns[0] = first;
        System.arraycopy(FIGURE_COLUMNS, 0, columns, 1, FIGURE_COLUMNS.length);
        return columns;
    }

    private PdfPTable table(float[] widths, String[] header) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        // Long tables continue on the next page with their header repeated.
        table.setHeaderRows(1);
        for (int i = 0; i < header.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(header[i], new Font(bold, 9)));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setHorizontalAlignment(i == 0 && header.length > FIGURE_COLUMNS.length ? Element.ALIGN_LEFT
                    : Element.ALIGN_RIGHT);
            style(cell);
            table.addCell(cell);
        }
        return table;
    }

    private PdfPTable total(PdfPTable table, String label) {
        table.addCell(cell(label, Element.ALIGN_LEFT, true));
        return table;
    }

    private void figures(PdfPTable table, BigDecimal receivables, BigDecimal debts, BigDecimal collected,
                         BigDecimal outstanding, long count, boolean strong) {
        for (BigDecimal amount : List.of(receivables, debts, collected, outstanding)) {
            table.addCell(cell(Labels.amount(amount), Element.ALIGN_RIGHT, strong));
        }
        table.addCell(cell(Long.toString(count), Element.ALIGN_RIGHT, strong));
    }

    private PdfPCell cell(String content, int alignment, boolean strong) {
        PdfPCell cell = new PdfPCell(new Phrase(content, strong ? new Font(bold, 9) : new Font(text, 9)));
        cell.setHorizontalAlignment(alignment);
        style(cell);
        return cell;
    }

    private static void style(PdfPCell cell) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(5);
    }

    /**
     * Grouped bars of receivables, debts and collected per period, drawn as vector graphics. Only the
     * drawing uses floating point (positions on the page); the figures printed come from the exact amounts.
     */
    private Image chart(PdfWriter writer, ReportResponse report) {
        float width = PageSize.A4.getWidth() - 84;
        float height = 190;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        float left = 56;
        float right = width - 4;
        float bottom = 30;
        float top = height - 22;
        List<ReportResponse.PeriodFigures> periods = report.byPeriod();
        double max = 0;
        for (ReportResponse.PeriodFigures p : periods) {
            max = Math.max(max, Math.max(p.receivables().doubleValue(),
                    Math.max(p.debts().doubleValue(), p.collected().doubleValue())));
        }
        double step = niceStep(max == 0 ? 1 : max / 4);
        double axisMax = Math.max(step, Math.ceil(max / step) * step);

        canvas.setLineWidth(0.5f);
        for (double value = 0; value <= axisMax + step / 2; value += step) {
            float y = (float) (bottom + value / axisMax * (top - bottom));
            canvas.setColorStroke(RULE);
            canvas.moveTo(left, y);
            canvas.lineTo(right, y);
            canvas.stroke();
            label(canvas, Labels.amount(BigDecimal.valueOf(value)), left - 4, y - 2.5f, PdfContentByte.ALIGN_RIGHT);
        }
        float group = (right - left) / Math.max(1, periods.size());
        float bar = Math.min(group * 0.8f / 3, 16);
        int every = (int) Math.ceil(periods.size() / 12.0);
        Color[] colors = {RECEIVABLES, DEBTS, COLLECTED};
        for (int i = 0; i < periods.size(); i++) {
            ReportResponse.PeriodFigures p = periods.get(i);
            double[] values = {p.receivables().doubleValue(), p.debts().doubleValue(), p.collected().doubleValue()};
            float x = left + i * group + (group - 3 * bar) / 2;
            for (int s = 0; s < 3; s++) {
                float h = (float) (values[s] / axisMax * (top - bottom));
                if (h > 0) {
                    canvas.setColorFill(colors[s]);
                    canvas.rectangle(x + s * bar, bottom, bar, h);
                    canvas.fill();
                }
            }
            if (i % every == 0) {
                label(canvas, p.period(), left + i * group + group / 2, bottom - 11, PdfContentByte.ALIGN_CENTER);
            }
        }
        String[] names = {"Receivables", "Debts", "Collected"};
        float x = left;
        for (int s = 0; s < 3; s++) {
            canvas.setColorFill(colors[s]);
            canvas.rectangle(x, height - 10, 8, 8);
            canvas.fill();
            label(canvas, names[s], x + 11, height - 9, PdfContentByte.ALIGN_LEFT);
            x += 80;
        }
        Image image = Image.getInstance(canvas);
        image.setSpacingAfter(8);
        return image;
    }

    private void label(PdfTemplate canvas, String content, float x, float y, int alignment) {
        canvas.beginText();
        canvas.setColorFill(MUTED);
        canvas.setFontAndSize(text, 7);
        canvas.showTextAligned(alignment, content, x, y, 0);
        canvas.endText();
    }

    /** 1, 2, 2.5 or 5 times a power of ten: gridlines at round amounts. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** "Finance Tracker · report … · page n" at the foot of every page. */
    private final class Footer extends PdfPageEventHelper {

        private final ReportResponse report;

        Footer(ReportResponse report) {
            this.report = report;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase("Finance Tracker · report " + report.id() + " · "
                    + Labels.period(report) + " · page " + writer.getPageNumber(), new Font(text, 7.5f, Font.NORMAL,
                    MUTED));
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
