package app.financetracker.auth.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AuditRepository extends MongoRepository<AuditEntry, String> {

    Page<AuditEntry> findByEntityId(String entityId, Pageable pageable);

    Page<AuditEntry> findByEntityIdAndTargetId(String entityId, String targetId, Pageable pageable);
}
