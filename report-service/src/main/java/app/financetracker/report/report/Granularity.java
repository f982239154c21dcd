package app.financetracker.report.report;

import java.util.Locale;
import java.util.Optional;

/** How a report cuts its period into rows: calendar days, ISO weeks (Monday to Sunday) or calendar months. */
public enum Granularity {
    DAY, WEEK, MONTH;

    static Optional<Granularity> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
