package app.financetracker.report.export;

import app.financetracker.kit.web.Text;
import app.financetracker.report.report.ReportResponse;
import app.financetracker.security.Languages;
import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The words and formats of one report's exports in one language (DESIGN §14), so that its CSV and PDF say the same
 * things: texts from the service's message bundles, dates and amounts the Belgian way in French and Dutch (the
 * British way in English), as the console shows them.
 */
final class Labels {

    private final MessageSource messages;
    private final Locale language;
    private final ReportResponse report;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter mediumDate;
    private final DateTimeFormatter time;
    private final DateTimeFormatter month;
    private final DateTimeFormatter dayTick;
    private final DateTimeFormatter monthTick;
    private final NumberFormat money;
    private final char decimalSeparator;

    Labels(MessageSource messages, Locale language, ReportResponse report) {
        this.messages = messages;
        this.language = language;
        this.report = report;
        Locale formats = Languages.formats(language);
        longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(formats);
        mediumDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(formats);
        time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(formats);
        month = DateTimeFormatter.ofPattern("LLLL y", formats);
        dayTick = DateTimeFormatter.ofPattern("d MMM", formats);
        monthTick = DateTimeFormatter.ofPattern("MMM y", formats);
        money = NumberFormat.getCurrencyInstance(formats);
        money.setCurrency(Currency.getInstance(report.currency()));
        decimalSeparator = DecimalFormatSymbols.getInstance(formats).getDecimalSeparator();
    }

    Locale language() {
        return language;
    }

    /** {@code ','} in French and Dutch, {@code '.'} in English. */
    char decimalSeparator() {
        return decimalSeparator;
    }

    String text(String code, Object... args) {
        return new Text(code, args).in(messages, language);
    }

    String member(String id, String name) {
        return name != null ? name : text("export.unknownMember", id);
    }

    String category(String id, String name) {
        return id == null ? text("export.noCategory") : name != null ? name : text("export.unknownCategory", id);
    }

    /** "1 mars 2034 – 30 avril 2034", as the console titles a report. */
    String range() {
        return longDate.format(report.from()) + " – " + longDate.format(report.to());
    }

    /** How the report is cut, as a heading: "Par semaine". */
    String granularity() {
        return text("export.by." + report.granularity().name());
    }

    /** A row of {@code byPeriod} as a reader names it: "16 nov. 2026", "semaine du 16 nov. 2026", "novembre 2026". */
    String period(ReportResponse.PeriodFigures period) {
        return switch (report.granularity()) {
            case DAY -> mediumDate.format(period.from());
            case WEEK -> text("export.week", mediumDate.format(monday(period.from())));
            case MONTH -> month.format(period.from());
        };
    }

    /** A short name of a row for a chart's axis: "16 nov." for a day or week (its Monday), "nov. 2026" for a month. */
    String periodTick(ReportResponse.PeriodFigures period) {
        return switch (report.granularity()) {
            case DAY -> dayTick.format(period.from());
            case WEEK -> dayTick.format(monday(period.from()));
            case MONTH -> monthTick.format(period.from());
        };
    }

    String generated() {
        ZoneId zone = ZoneId.of(report.timeZone());
        ZonedDateTime at = report.createdAt().atZone(zone);
        return text("export.generated", report.createdBy(), longDate.format(at), time.format(at), zone.getId());
    }

    /** Whose transactions and which categories: "Transactions du membre Lucas Dupont, toutes les catégories". */
    String scope() {
        String members = report.userId() == null ? text("export.scope.allMembers")
                : text("export.scope.member", member(report.userId(), report.userName()));
        String categories = report.categoryId() == null ? text("export.scope.allCategories")
                : text("export.scope.category", category(report.categoryId(), report.categoryName()));
        return members + ", " + categories;
    }

    /**
     * An amount as the console shows it ("1 330,00 €", "€ 1.330,00", "€1,330.00"). French groups thousands with a
     * narrow no-break space, which the PDF's standard bold font lacks: a no-break space looks the same there.
     */
    String money(BigDecimal amount) {
        return money.format(amount).replace('\u202F', '\u00A0');
    }

    /** The file name of a download: what it covers, and enough of the id to tell two reports apart. */
    String fileName(String extension) {
        return text("export.fileName") + "_" + report.from() + "_" + report.to() + "_"
                + report.id().substring(report.id().length() - 8) + "." + extension;
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
