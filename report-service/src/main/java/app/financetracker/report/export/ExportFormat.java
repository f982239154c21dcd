package app.financetracker.report.export;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The formats a stored report can be downloaded in. */
enum ExportFormat {
    CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv"),
    PDF(MediaType.APPLICATION_PDF, "pdf");

    final MediaType mediaType;
    final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    static Optional<ExportFormat> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
