package app.financetracker.report.report;

import app.financetracker.kit.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
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
    @PostMapping
    ResponseEntity<ReportResponse> create(@Valid @RequestBody ReportRequest request, Principal caller) {
        ReportResponse created = reports.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/reports/" + created.id())).body(created);
    }

    /** The history, newest first; {@code sort=createdAt|from,asc|desc}. */
    @GetMapping
    PageResponse<ReportSummary> list(@PageableDefault(size = 20) Pageable pageable) {
        return reports.list(pageable);
    }

    @GetMapping("/{id}")
    ReportResponse get(@PathVariable String id) {
        return reports.get(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        reports.delete(id);
        return ResponseEntity.noContent().build();
    }
}
