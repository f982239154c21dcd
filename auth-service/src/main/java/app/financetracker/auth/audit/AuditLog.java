package app.financetracker.auth.audit;

import app.financetracker.events.AdminPayload;
import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.security.Roles;
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
 * Records admin actions in {@code admin_audit}, after Keycloak has carried them out. Deleting, disabling or demoting
 * an admin also publishes a revocation on {@code events:admins}, so that every service and gateway refuses the
 * account's older tokens within moments (DESIGN §4, ADR 0014).
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Map<AuditAction, String> REVOCATIONS = Map.of(
            AuditAction.ADMIN_DELETED, EventTypes.ADMIN_DELETED,
            AuditAction.ADMIN_DISABLED, EventTypes.ADMIN_DISABLED,
            AuditAction.SUPER_ADMIN_REVOKED, EventTypes.ADMIN_ROLE_REMOVED);

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

    /**
     * @param targetId       the account acted on
     * @param targetUsername its username, kept for when the account is gone
     * @param details        what changed, when the action alone does not say it
     */
    public void record(Actor actor, AuditAction action, String targetId, String targetUsername,
                       Map<String, Object> details) {
        Instant at = clock.instant();
        List<EventEnvelope> outbox = REVOCATIONS.containsKey(action)
                ? List.of(revocation(REVOCATIONS.get(action), targetId, targetUsername, at)) : List.of();
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), at, actor.id(), actor.username(),
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
     */
    private static EventEnvelope revocation(String type, String adminId, String username, Instant at) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, adminId, at.toEpochMilli(), at,
                EventCodec.write(new AdminPayload(adminId, username,
                        EventTypes.ADMIN_ROLE_REMOVED.equals(type) ? List.of(Roles.SUPER_ADMIN) : List.of())),
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
