package app.financetracker.report.export;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.report.report.ReportResponse;
import app.financetracker.report.report.ReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    ExportController(ReportService reports, CsvExport csv, PdfExport pdf) {
        this.reports = reports;
        this.csv = csv;
        this.pdf = pdf;
    }

    /**
     * A stored report as a download ({@code format=csv|pdf}). Built in memory, then sent whole with its length:
     * a report is a few pages, and a failure then still becomes a problem response instead of a cut file.
     */
    @Operation(operationId = "exportReport", summary = "A stored report as a CSV or PDF download")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/reports/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam String format) {
        ExportFormat chosen = ExportFormat.parse(format).orElseThrow(() ->
                new BadRequestException("format", "export.format"));
        ReportResponse report = reports.get(CurrentEntity.id(), id);
        byte[] body = chosen == ExportFormat.CSV ? csv.write(report) : pdf.write(report);
        return ResponseEntity.ok()
                .contentType(chosen.mediaType)
                .contentLength(body.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(Labels.fileName(report, chosen.extension)).build().toString())
                .body(body);
    }
}
