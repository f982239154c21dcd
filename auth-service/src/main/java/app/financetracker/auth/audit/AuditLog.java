package app.financetracker.auth.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Records admin actions in {@code admin_audit}, after Keycloak has carried them out. */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries) {
        this.entries = entries;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param targetId       the account acted on
     * @param targetUsername its username, kept for when the account is gone
     * @param details        what changed, when the action alone does not say it
     */
    public void record(Actor actor, AuditAction action, String targetId, String targetUsername,
                       Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor.id(), actor.username(),
                action, targetId, targetUsername, details);
        try {
            entries.save(entry);
        } catch (DataAccessException e) {
            // Keycloak has already made the change, so failing the request now would tell the caller it did not
            // happen. The entry goes to the log instead, where operations can find it (ADR 0010).
            log.error("Could not store audit entry {}", entry, e);
        }
    }
}
