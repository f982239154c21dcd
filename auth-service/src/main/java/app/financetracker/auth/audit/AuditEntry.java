package app.financetracker.auth.audit;

import app.financetracker.events.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One admin action in one entity, kept in {@code admin_audit}. Usernames are copied in beside the ids: the entry must
 * still say who and whom after the account is deleted from Keycloak. An action that ends the account's sessions
 * carries its {@code events:admins} event in {@code outbox}, written with the entry in one document (ADR 0002,
 * ADR 0014).
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndex(name = "entity_at", def = "{'entityId': 1, 'at': -1}")
@CompoundIndex(name = "entity_target_at", def = "{'entityId': 1, 'targetId': 1, 'at': -1}")
record AuditEntry(@Id String id, String entityId, Instant at, String actorId, String actor, AuditAction action,
                  String targetId, String target, Map<String, Object> details, List<EventEnvelope> outbox) {

    static final String COLLECTION = "admin_audit";
}
