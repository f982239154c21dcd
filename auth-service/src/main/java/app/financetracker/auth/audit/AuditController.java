package app.financetracker.auth.audit;

import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin audit trail of the current entity, for its super-admins. */
@RestController
@RequestMapping("/api/admins/audit")
class AuditController {

    private static final int MAX_SIZE = 100;
    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    /** Newest first, always: a trail is read from the latest action back. {@code targetId} narrows it to one account. */
    @Operation(operationId = "listAuditEntries", summary = "The admin audit trail, newest first")
    @GetMapping
    @PreAuthorize("hasRole('super-admin')")
    PageResponse<AuditView> list(@RequestParam(required = false) String targetId,
                                 @ParameterObject @PageableDefault(size = 20) Pageable pageable) {
        Pageable newestFirst = PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), MAX_SIZE),
                Sort.by(Sort.Direction.DESC, "at").and(Sort.by(Sort.Direction.DESC, "id")));
        String entityId = CurrentEntity.id();
        var page = targetId == null || targetId.isBlank() ? entries.findByEntityId(entityId, newestFirst)
                : entries.findByEntityIdAndTargetId(entityId, targetId, newestFirst);
        return PageResponse.of(page, AuditView::of);
    }

    record AuditView(String id, Instant at, String actorId, String actor, AuditAction action, String targetId,
                     String target, Map<String, Object> details) {

        static AuditView of(AuditEntry entry) {
            return new AuditView(entry.id(), entry.at(), entry.actorId(), entry.actor(), entry.action(),
                    entry.targetId(), entry.target(), entry.details() == null ? Map.of() : entry.details());
        }
    }
}
