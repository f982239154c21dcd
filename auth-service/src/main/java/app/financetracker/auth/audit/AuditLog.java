package app.financetracker.auth.audit;

import app.financetracker.events.AdminPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.kit.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Records admin actions in {@code admin_audit}, each in the entity it happened in, after Keycloak has carried them out.
 * Deleting, disabling, demoting an admin or removing them from an entity also publishes a revocation on
 * {@code events:admins} (carrying that entity), so that every service and gateway refuses the
 * account's older tokens within moments (DESIGN §4, ADR 0014).
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository entries;
    private final OutboxRelay relay;
    private final StringRedisTemplate redis;
    private final Clock clock;

    AuditLog(AuditRepository entries, OutboxRelay relay, StringRedisTemplate redis) {
        this.entries = entries;
        this.relay = relay;
        this.redis = redis;
        this.clock = Clock.systemUTC();
    }

    /** An action that revokes nothing (a creation, a promotion, a profile change). */
    public void record(String entityId, Actor actor, AuditAction action, String targetId, String targetUsername,
                       Map<String, Object> details) {
        record(entityId, actor, action, targetId, targetUsername, details, null);
    }

    /**
     * @param entityId       the entity the action happened in: its super-admins see the entry
     * @param targetId       the account acted on
     * @param targetUsername its username, kept for when the account is gone
     * @param details        what changed, when the action alone does not say it
     * @param revocation     what the action took away from the account, published on {@code events:admins}; or null
     */
    public void record(String entityId, Actor actor, AuditAction action, String targetId, String targetUsername,
                       Map<String, Object> details, Revocation revocation) {
        Instant at = clock.instant();
        List<EventEnvelope> outbox = revocation == null ? List.of()
                : List.of(event(entityId, revocation, targetId, targetUsername, at));
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), entityId, at, actor.id(), actor.username(),
                action, targetId, targetUsername, details, outbox);
        try {
            entries.save(entry);
            relay.wakeUp(AuditEntry.COLLECTION, entry.id());
        } catch (DataAccessException e) {
            // Keycloak has already made the change, so failing the request now would tell the caller it did not
            // happen. The entry goes to the log instead, where operations can find it (ADR 0010), and a revocation
            // straight to its stream: without it the account's tokens would live until they expire.
            log.error("Could not store audit entry {}", entry, e);
            outbox.forEach(this::publishDirectly);
        }
        if (!outbox.isEmpty()) {
            answerAfterTheSecondOf(at);
        }
    }

    /**
     * Tokens state their {@code iat} in whole seconds, so a token issued in the second of a revocation cannot be told
     * from one issued just before it, and is refused (ADR 0014). The request that revoked answers once that second
     * is over: a token its caller, or the account's owner, fetches afterwards is then plainly newer. At most a second,
     * on a rare super-admin action, on a virtual thread.
     */
    private void answerAfterTheSecondOf(Instant at) {
        long left = Duration.between(clock.instant(), at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)).toMillis();
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The moment is the audit entry's, taken after Keycloak made the change: a token Keycloak issues after it
     * already reflects the change and stays valid. Admins live in Keycloak, which keeps no version, so the
     * event's version is that moment in milliseconds (increasing per account; consumers of revocations ignore it).
     * The envelope is built here rather than by {@link EventEnvelope#create} so that its moment is exactly that one.
     */
    private static EventEnvelope event(String entityId, Revocation revocation, String adminId, String username,
                                       Instant at) {
        return new EventEnvelope(UUID.randomUUID().toString(), revocation.type(), adminId, at.toEpochMilli(), at,
                EventCodec.write(new AdminPayload(adminId, username, revocation.removedRoles())), entityId,
                EventEnvelope.currentTraceparent());
    }

    private void publishDirectly(EventEnvelope event) {
        try {
            redis.opsForStream().add(StreamRecords.string(event.toFields()).withStreamKey(Streams.ADMINS));
        } catch (RuntimeException e) {
            log.error("Could not publish revocation {} of admin {}: their tokens stay valid until they expire",
                    event.type(), event.aggregateId(), e);
        }
    }
}
