package app.financetracker.report.report;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** Generates and stores a report; {@code createdBy} is the caller's username (the JWT's preferred_username). */
    @Operation(operationId = "createReport", summary = "Generates and stores a report")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<ReportResponse> create(@Valid @RequestBody ReportRequest request, Principal caller) {
        ReportResponse created = reports.create(CurrentEntity.id(), request, caller.getName());
        return ResponseEntity.created(URI.create("/api/reports/" + created.id())).body(created);
    }

    /** The history, newest first; {@code sort=createdAt|from,asc|desc}. */
    @Operation(operationId = "listReports", summary = "The report history, newest first")
    @GetMapping
    PageResponse<ReportSummary> list(@ParameterObject @PageableDefault(size = 20) Pageable pageable) {
        return reports.list(CurrentEntity.id(), pageable);
    }

    @Operation(operationId = "getReport", summary = "One stored report")
    @GetMapping("/{id}")
    ReportResponse get(@PathVariable String id) {
        return reports.get(CurrentEntity.id(), id);
    }

    @Operation(operationId = "deleteReport", summary = "Deletes a stored report")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        reports.delete(CurrentEntity.id(), id);
        return ResponseEntity.noContent().build();
    }
}
