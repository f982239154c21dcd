package app.financetracker.report.export;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.report.report.ReportResponse;
import app.financetracker.report.report.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ExportController {

    private final ReportService reports;
    private final CsvExport csv;
    private final PdfExport pdf;
    private final MessageSource messages;

    ExportController(ReportService reports, CsvExport csv, PdfExport pdf, MessageSource messages) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
        this.messages = messages;
    }

    /**
     * A stored report as a download ({@code format=csv|pdf}) in the caller's language: {@code ?lang=fr|nl|en}, which
     * a download link can carry, else {@code Accept-Language} (the kit's {@code CallerLanguage}). Built in memory,
     * then sent whole with its length: a report is a few pages, and a failure then still becomes a problem response
     * instead of a cut file.
     */
    @Operation(operationId = "exportReport", summary = "A stored report as a CSV or PDF download")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String format, Locale language) {
        ExportFormat chosen = ExportFormat.parse(format).orElseThrow(() ->
                new BadRequestException("format", "export.format"));
        ReportResponse report = reports.get(CurrentEntity.id(), id);
        Labels labels = new Labels(messages, language, report);
        byte[] body = chosen == ExportFormat.CSV ? csv.write(report, labels) : pdf.write(report, labels);
        return ResponseEntity.ok()
                .contentType(chosen.mediaType)
                .contentLength(body.length)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(labels.fileName(chosen.extension)).build().toString())
                .body(body);
    }
}
