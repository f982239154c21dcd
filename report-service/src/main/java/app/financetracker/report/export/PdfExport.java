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
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
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
 * A report as a PDF an auditor can be handed (OpenPDF), in the caller's language (ADR 0023): title, period, scope,
 * who generated it and when, the totals, a bar chart and the tables by period, by category and of the members who
 * owe most. Amounts come in the console's order and colours ({@link Measure}). Text is set in Liberation Sans
 * (bundled with OpenPDF, embedded), so names in any Latin, Greek or Cyrillic script print as typed; headings use the
 * standard Helvetica Bold.
 */
@Component
class PdfExport {

    private static final Color RULE = new Color(0xCB, 0xD5, 0xE0);
    private static final Color HEADER_FILL = new Color(0xED, 0xF2, 0xF7);
    private static final Color MUTED = new Color(0x4A, 0x55, 0x68);
    /** The columns of figures: the four amounts and the count. */
    private static final int FIGURES = Measure.values().length + 1;

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

    byte[] write(ReportResponse report, Labels labels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 48, 54);
        PdfWriter writer = PdfWriter.getInstance(document, bytes);
        writer.setPageEvent(new Footer(report, labels));
        // Screen readers and hyphenation pick the document's language from here.
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(labels.language().toLanguageTag()));
        document.addTitle(labels.text("export.title") + " " + labels.range());
        document.addAuthor(report.createdBy());
        document.addSubject(labels.scope());
        document.addCreator("Finance Tracker");
        document.open();
        try {
            document.add(new Paragraph(labels.text("export.title"), new Font(bold, 20)));
            document.add(spaced(new Paragraph(labels.range() + " · " + labels.granularity(), new Font(text, 13)), 4,
                    8));
            Font meta = new Font(text, 9.5f, Font.NORMAL, MUTED);
            document.add(new Paragraph(labels.scope() + ".", meta));
            document.add(new Paragraph(labels.generated() + ".", meta));
            document.add(new Paragraph(labels.text("export.reportId", report.id()), meta));

            heading(document, labels.text("export.totals"));
            document.add(totals(report.totals(), labels));

            heading(document, labels.granularity());
            document.add(chart(writer, report, labels));
            PdfPTable periods = table(labels, "export.period", 1.3f);
            for (ReportResponse.PeriodFigures p : report.byPeriod()) {
                line(periods, labels.period(p), p, labels, false);
            }
            line(periods, labels.text("export.total"), report.totals(), labels, true);
            document.add(periods);

            heading(document, labels.text("export.byCategory"));
            PdfPTable categories = table(labels, "export.category", 1.6f);
            for (ReportResponse.CategoryFigures c : report.byCategory()) {
                line(categories, labels.category(c.categoryId(), c.categoryName()), c, labels, false);
            }
            line(categories, labels.text("export.total"), report.totals(), labels, true);
            document.add(categories);

            heading(document, labels.text(report.userId() == null ? "export.topMembers" : "export.member"));
            PdfPTable members = table(labels, "export.member", 1.6f);
            for (ReportResponse.MemberFigures m : report.byUser()) {
                line(members, labels.member(m.userId(), m.userName()), m, labels, false);
            }
            if (report.byUser().isEmpty()) {
                PdfPCell none = cell(labels.text("export.noTransactions"), Element.ALIGN_LEFT, false);
                none.setColspan(FIGURES + 1);
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

    /** The totals as the console's cards show them: each amount under its name, marked with its colour. */
    private PdfPTable totals(ReportResponse.Figures totals, Labels labels) {
        PdfPTable table = new PdfPTable(new float[] {1, 1, 1, 1, 0.9f});
        table.setWidthPercentage(100);
        for (Measure measure : Measure.values()) {
            table.addCell(card(labels.text(measure.code), labels.money(measure.of(totals)), measure.color));
        }
        table.addCell(card(labels.text("export.count"), Long.toString(totals.count()), RULE));
        return table;
    }

    private PdfPCell card(String name, String value, Color mark) {
        PdfPCell cell = new PdfPCell();
        cell.addElement(new Paragraph(name, new Font(text, 8.5f, Font.NORMAL, MUTED)));
        cell.addElement(new Paragraph(value, new Font(bold, 12)));
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderColorLeft(mark);
        cell.setBorderWidthLeft(3);
        cell.setPaddingLeft(7);
        cell.setPaddingBottom(6);
        return cell;
    }

    /** A table of lines: its first column ({@code first}, a message code) names them, then the figures. */
    private PdfPTable table(Labels labels, String first, float firstWidth) {
        PdfPTable table = new PdfPTable(new float[] {firstWidth, 1, 1, 1, 1, 0.9f});
        table.setWidthPercentage(100);
        // Long tables continue on the next page with their header repeated.
        table.setHeaderRows(1);
        table.addCell(headerCell(labels.text(first), Element.ALIGN_LEFT));
        for (Measure measure : Measure.values()) {
            table.addCell(headerCell(labels.text(measure.code), Element.ALIGN_RIGHT));
        }
        table.addCell(headerCell(labels.text("export.count"), Element.ALIGN_RIGHT));
        return table;
    }

    private PdfPCell headerCell(String content, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(content, new Font(bold, 9)));
        cell.setBackgroundColor(HEADER_FILL);
        cell.setHorizontalAlignment(alignment);
        style(cell);
        return cell;
    }

    private void line(PdfPTable table, String label, ReportResponse.Amounts line, Labels labels, boolean strong) {
        table.addCell(cell(label, Element.ALIGN_LEFT, strong));
        figures(table, line, labels, strong);
    }

    private void figures(PdfPTable table, ReportResponse.Amounts line, Labels labels, boolean strong) {
        for (Measure measure : Measure.values()) {
            table.addCell(cell(labels.money(measure.of(line)), Element.ALIGN_RIGHT, strong));
        }
        table.addCell(cell(Long.toString(line.count()), Element.ALIGN_RIGHT, strong));
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
     * Grouped bars of receivables, collected and debts per period, as on the console's report screen, drawn as
     * vector graphics. Only the drawing uses floating point (positions on the page); the figures printed come from
     * the exact amounts.
     */
    private Image chart(PdfWriter writer, ReportResponse report, Labels labels) {
        float width = PageSize.A4.getWidth() - 84;
        float height = 190;
        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        float left = 60;
        float right = width - 4;
        float bottom = 30;
        float top = height - 22;
        List<ReportResponse.PeriodFigures> periods = report.byPeriod();
        List<Measure> bars = Measure.CHARTED;
        double max = 0;
        for (ReportResponse.PeriodFigures p : periods) {
            for (Measure measure : bars) {
                max = Math.max(max, measure.of(p).doubleValue());
            }
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
            label(canvas, labels.money(BigDecimal.valueOf(value)), left - 4, y - 2.5f, PdfContentByte.ALIGN_RIGHT);
        }
        float group = (right - left) / Math.max(1, periods.size());
        float bar = Math.min(group * 0.8f / bars.size(), 16);
        int every = (int) Math.ceil(periods.size() / 12.0);
        for (int i = 0; i < periods.size(); i++) {
            ReportResponse.PeriodFigures p = periods.get(i);
            float x = left + i * group + (group - bars.size() * bar) / 2;
            for (int s = 0; s < bars.size(); s++) {
                float h = (float) (bars.get(s).of(p).doubleValue() / axisMax * (top - bottom));
                if (h > 0) {
                    canvas.setColorFill(bars.get(s).color);
                    canvas.rectangle(x + s * bar, bottom, bar, h);
                    canvas.fill();
                }
            }
            if (i % every == 0) {
                label(canvas, labels.periodTick(p), left + i * group + group / 2, bottom - 11,
                        PdfContentByte.ALIGN_CENTER);
            }
        }
        float x = left;
        for (Measure measure : bars) {
            canvas.setColorFill(measure.color);
            canvas.rectangle(x, height - 10, 8, 8);
            canvas.fill();
            String name = labels.text(measure.code);
            label(canvas, name, x + 11, height - 9, PdfContentByte.ALIGN_LEFT);
            x += 11 + text.getWidthPoint(name, 7) + 16;
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

    /** "Finance Tracker · rapport … · 1 mars 2034 – 30 avril 2034 · page n" at the foot of every page. */
    private final class Footer extends PdfPageEventHelper {

        private final ReportResponse report;
        private final Labels labels;

        Footer(ReportResponse report, Labels labels) {
            this.report = report;
            this.labels = labels;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase footer = new Phrase(labels.text("export.footer", report.id(), labels.range(),
                    Integer.toString(writer.getPageNumber())), new Font(text, 7.5f, Font.NORMAL, MUTED));
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER, footer,
                    (document.left() + document.right()) / 2, document.bottom() - 24, 0);
        }
    }
}
