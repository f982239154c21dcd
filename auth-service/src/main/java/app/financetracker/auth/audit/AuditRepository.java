package app.financetracker.auth.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AuditRepository extends MongoRepository<AuditEntry, String> {

    Page<AuditEntry> findByTargetId(String targetId, Pageable pageable);
}
