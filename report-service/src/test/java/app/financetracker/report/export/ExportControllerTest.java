package app.financetracker.report.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.report.report.Granularity;
import app.financetracker.report.report.ReportResponse;
import app.financetracker.report.report.ReportResponse.CategoryFigures;
import app.financetracker.report.report.ReportResponse.Figures;
import app.financetracker.report.report.ReportResponse.MemberFigures;
import app.financetracker.report.report.ReportResponse.PeriodFigures;
import app.financetracker.report.report.ReportService;
import app.financetracker.testkit.ControllerSliceTest;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.MockedStatic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Downloads in the caller's language (DESIGN §14, ADR 0023): the CSV as Belgian Excel reads it in French and Dutch
 * ({@code ;}, decimal comma, BOM), RFC 4180 in English; the PDF's words, dates and amounts in the language asked for,
 * its columns in the console's order and its chart in the console's colours.
 */
@ControllerSliceTest(ExportController.class)
@Import({CsvExport.class, PdfExport.class})
class ExportControllerTest {

    private static final String ID = "65a1b2c3d4e5f60718293a4b";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    MockMvcTester mvc;
    @MockitoBean
    ReportService reports;

    MockedStatic<CurrentEntity> entity;

    @BeforeEach
    void actInAnEntity() {
        // The entity comes from the caller's token, which this slice has no filter to read; MockMvc runs the
        // request on this thread, where the static mock holds.
        entity = mockStatic(CurrentEntity.class);
        entity.when(CurrentEntity::id).thenReturn("unit-a");
    }

    @AfterEach
    void close() {
        entity.close();
    }

    private static Figures figures(String receivables, String debts, String collected, long count) {
        BigDecimal r = new BigDecimal(receivables);
        BigDecimal d = new BigDecimal(debts);
        BigDecimal c = new BigDecimal(collected);
        return new Figures(r, d, c, r.subtract(c).subtract(d), count);
    }

    private static PeriodFigures period(String key, String from, String to, Figures f) {
        return new PeriodFigures(key, LocalDate.parse(from), LocalDate.parse(to), f.receivables(), f.debts(),
                f.collected(), f.outstanding(), f.count());
    }

    /** A weekly report from Wednesday 18 to Monday 30 November 2026: three weeks, the first and last clipped. */
    private void aWeeklyReport() {
        Figures first = figures("1250.00", "0.00", "400.25", 2);
        Figures second = figures("0.00", "35.10", "0.00", 1);
        Figures third = figures("80.00", "0.00", "0.00", 1);
        Figures total = figures("1330.00", "35.10", "400.25", 4);
        when(reports.get("unit-a", ID)).thenReturn(new ReportResponse(ID, LocalDate.of(2026, 11, 18),
                LocalDate.of(2026, 11, 30), Granularity.WEEK, null, null, null, null, "Europe/Brussels", "EUR",
                Instant.parse("2026-12-01T13:05:00Z"), "tresorier", total,
                List.of(period("2026-W47", "2026-11-18", "2026-11-22", first),
                        period("2026-W48", "2026-11-23", "2026-11-29", second),
                        period("2026-W49", "2026-11-30", "2026-11-30", third)),
                List.of(new CategoryFigures("c-1", "Camp d'été", new BigDecimal("1330.00"), BigDecimal.ZERO,
                                new BigDecimal("400.25"), new BigDecimal("929.75"), 3),
                        new CategoryFigures(null, null, BigDecimal.ZERO, new BigDecimal("35.10"), BigDecimal.ZERO,
                                new BigDecimal("-35.10"), 1)),
                List.of(new MemberFigures("m-1", "Anaïs Lefèvre; \"Nana\"", new BigDecimal("1250.00"),
                        BigDecimal.ZERO, new BigDecimal("400.25"), new BigDecimal("849.75"), 2))));
    }

    private MvcTestResult download(String query, String acceptLanguage) {
        var request = mvc.get().uri("/api/reports/" + ID + "/export?" + query);
        return (acceptLanguage == null ? request : request.header("Accept-Language", acceptLanguage)).exchange();
    }

    private static String csvText(MvcTestResult result) {
        byte[] body = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).as("byte order mark").isEqualTo(BOM);
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    /** The PDF's text, a table's row on one line; no-break spaces (in amounts) read as spaces. */
    private static String pdfText(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replace('\u00A0', ' ');
    }

    @Test
    void csvInFrenchIsWhatBelgianExcelReads() throws IOException {
        aWeeklyReport();

        MvcTestResult result = download("format=csv&lang=fr", "en");

        assertThat(result).hasStatusOk().hasHeader("Content-Language", "fr");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("filename=\"rapport-financier_2026-11-18_2026-11-30_18293a4b.csv\"");
        String text = csvText(result);
        assertThat(text.lines().findFirst()).hasValue(
                "Section;Clé;Libellé;Du;Au;Créances;Argent récolté;Dettes;Solde dû;Transactions");
        assertThat(text).contains("\r\n")
                .contains("Total;WEEK;Total;2026-11-18;2026-11-30;1330,00;400,25;35,10;894,65;4\r\n")
                .contains("Période;2026-W47;semaine du 16 nov. 2026;2026-11-18;2026-11-22;1250,00;400,25;0,00;849,75;2")
                .contains("Catégorie;;(sans catégorie);;;0,00;0,00;35,10;-35,10;1")
                .contains("Membre;m-1;\"Anaïs Lefèvre; \"\"Nana\"\"\";");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .get().parse(new StringReader(text)).getRecords();
        assertThat(rows.get(0).get("Libellé")).isEqualTo(
                "Généré par tresorier le 1 décembre 2026 à 14:05 (Europe/Brussels). Transactions de tous les membres, "
                        + "toutes les catégories. Montants en EUR.");
        assertThat(rows).extracting(r -> r.get("Section")).containsExactly("Rapport", "Total", "Période", "Période",
                "Période", "Catégorie", "Catégorie", "Membre");
        assertThat(rows.get(7).get("Libellé")).isEqualTo("Anaïs Lefèvre; \"Nana\"");
    }

    @Test
    void csvInEnglishIsRfc4180WithADecimalPoint() {
        aWeeklyReport();

        MvcTestResult result = download("format=csv", "de-DE,en;q=0.5");

        assertThat(result).hasStatusOk().hasHeader("Content-Language", "en");
        String text = csvText(result);
        assertThat(text.lines().findFirst()).hasValue(
                "Section,Key,Label,From,To,Receivables,Collected,Debts,Outstanding,Transactions");
        assertThat(text).contains("Total,WEEK,Total,2026-11-18,2026-11-30,1330.00,400.25,35.10,894.65,4\r\n")
                .contains("Period,2026-W48,week of 23 Nov 2026,2026-11-23,2026-11-29,0.00,0.00,35.10,-35.10,1")
                .contains("Member,m-1,\"Anaïs Lefèvre; \"\"Nana\"\"\",,,1250.00,400.25,0.00,849.75,2");
    }

    @Test
    void csvInDutchFollowsAcceptLanguage() {
        aWeeklyReport();

        MvcTestResult result = download("format=csv", "nl-BE,nl;q=0.9,en;q=0.8");

        assertThat(result).hasStatusOk().hasHeader("Content-Language", "nl");
        assertThat(csvText(result)).startsWith(
                        "Sectie;Sleutel;Omschrijving;Van;Tot;Vorderingen;Ontvangen;Schulden;Openstaand;Transacties\r\n")
                .contains("Periode;2026-W49;week van 30 nov. 2026;2026-11-30;2026-11-30;80,00;0,00;0,00;80,00;1");
    }

    @Test
    void pdfInDutchSpeaksDutchWithBelgianDatesAndAmounts() throws IOException {
        aWeeklyReport();

        MvcTestResult result = download("format=pdf", "nl-BE");

        assertThat(result).hasStatusOk().hasHeader("Content-Language", "nl");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("financieel-rapport_2026-11-18");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Financieel rapport 18 november 2026 – 30 november 2026");
            String text = pdfText(pdf);
            assertThat(text).contains("Financieel rapport", "18 november 2026 – 30 november 2026 · Per week",
                    "Transacties van alle leden, alle categorieën.",
                    "Aangemaakt door tresorier op 1 december 2026 om 14:05 (Europe/Brussels).", "Totalen",
                    "Per categorie", "(zonder categorie)", "Leden met het hoogste openstaande bedrag",
                    "week van 16 nov. 2026", "week van 23 nov. 2026", "pagina 1");
            // The columns in the console's order, the amounts as nl-BE writes euros.
            assertThat(text).contains("Periode Vorderingen Ontvangen Schulden Openstaand Transacties")
                    .contains("Totaal € 1.330,00 € 400,25 € 35,10 € 894,65 4");
            assertThat(text).doesNotContain("Receivables", "2026-W47");
        }
    }

    @Test
    void pdfInFrenchFollowsTheLangParameter() throws IOException {
        aWeeklyReport();

        MvcTestResult result = download("format=pdf&lang=fr", "nl-BE");

        assertThat(result).hasStatusOk().hasHeader("Content-Language", "fr");
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            String text = pdfText(pdf);
            // French groups thousands with a narrow no-break space, which the bold font lacks: never lost.
            assertThat(text).contains("Rapport financier", "Par semaine", "semaine du 16 nov. 2026",
                    "Période Créances Argent récolté Dettes Solde dû Transactions",
                    "Total 1 330,00 € 400,25 € 35,10 € 894,65 € 4", "(sans catégorie) 0,00 € 0,00 € 35,10 € -35,10 € 1",
                    "Membres au solde dû le plus élevé");
        }
    }

    /** The console's colours, as frontend/src/charts.ts has them: the PDF's chart fills its bars with these. */
    @Test
    void pdfChartUsesTheConsolesColoursInItsOrder() throws IOException {
        String charts = Files.readString(Path.of("..", "frontend", "src", "charts.ts"));
        for (Measure measure : Measure.values()) {
            Matcher colour = Pattern.compile(measure.name().toLowerCase() + ": '#([0-9a-f]{6})'").matcher(charts);
            assertThat(colour.find()).as(measure + " in charts.ts").isTrue();
            assertThat(measure.color).as(measure.name()).isEqualTo(new Color(Integer.parseInt(colour.group(1), 16)));
        }
        aWeeklyReport();

        byte[] body = download("format=pdf", null).getResponse().getContentAsByteArray();

        try (PDDocument pdf = Loader.loadPDF(body)) {
            List<Color> fills = fillColours(pdf.getPage(0));
            List<Color> bars = fills.stream().filter(c -> Measure.CHARTED.stream().anyMatch(m -> m.color.equals(c)))
                    .distinct().toList();
            assertThat(bars).containsExactly(Measure.RECEIVABLES.color, Measure.COLLECTED.color, Measure.DEBTS.color);
        }
    }

    @Test
    void anUnknownFormatIsRefusedInTheCallersLanguage() {
        MvcTestResult result = download("format=xls", "fr-BE");

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").isEqualTo("doit être csv ou pdf");
    }

    /** The colours of the shapes filled on a page, in drawing order (forms, such as the chart, included). */
    private static List<Color> fillColours(PDPage page) throws IOException {
        FillColours engine = new FillColours(page);
        engine.processPage(page);
        return engine.colours;
    }

    private static final class FillColours extends PDFGraphicsStreamEngine {

        final List<Color> colours = new ArrayList<>();

        FillColours(PDPage page) {
            super(page);
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            colours.add(new Color(getGraphicsState().getNonStrokingColor().toRGB()));
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void drawImage(PDImage image) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void shadingFill(COSName shading) {
        }
    }
}
