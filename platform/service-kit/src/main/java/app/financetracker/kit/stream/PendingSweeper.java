package app.financetracker.kit.stream;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Takes over entries of the group pending too long (a dead instance, a failed attempt): XPENDING, then XCLAIM
 * of those idle longer than {@code claimIdle} to handle them here, or to the dead-letter stream once delivered
 * {@code maxDeliveries} times. XPENDING + XCLAIM rather than XAUTOCLAIM: it gives the delivery count (ADR 0007).
 */
final class PendingSweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PendingSweeper.class);

    private final StringRedisTemplate redis;
    private final ConsumerGroup group;
    private final List<Dispatch<?>> dispatches;
    private final Acknowledgements acknowledgements;
    private final DeadLetters deadLetters;
    private final StreamProperties properties;

    PendingSweeper(StringRedisTemplate redis, ConsumerGroup group, List<Dispatch<?>> dispatches,
                   Acknowledgements acknowledgements, DeadLetters deadLetters, StreamProperties properties) {
        this.redis = redis;
        this.group = group;
        this.dispatches = dispatches;
        this.acknowledgements = acknowledgements;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @Override
    public void run() {
        for (Dispatch<?> dispatch : dispatches) {
            try {
                sweep(dispatch);
            } catch (RuntimeException e) {
                log.warn("Sweep of {} failed, next one in {}: {}", dispatch.stream(), properties.sweepInterval(),
                        e.getMessage());
            }
        }
    }

    private void sweep(Dispatch<?> dispatch) {
        String stream = dispatch.stream();
        for (PendingMessage pending : redis.opsForStream().pending(stream, group.name(), Range.unbounded(), 100)) {
            if (pending.getElapsedTimeSinceLastDelivery().compareTo(properties.claimIdle()) < 0) {
                continue;
            }
            if (pending.getTotalDeliveryCount() >= properties.maxDeliveries()) {
                for (MapRecord<String, String, String> record : read(stream, pending.getId())) {
                    deadLetters.send(stream, record, "Failed " + pending.getTotalDeliveryCount()
                            + " deliveries; last error: " + acknowledgements.lastError(pending.getId()));
                }
                continue;
            }
            List<MapRecord<String, String, String>> claimed = redis.<String, String>opsForStream()
                    .claim(stream, group.name(), group.consumer().getName(), properties.claimIdle(), pending.getId());
            claimed.forEach(dispatch::deliver);
        }
    }

    private List<MapRecord<String, String, String>> read(String stream, RecordId id) {
        return redis.<String, String>opsForStream().range(stream, Range.closed(id.getValue(), id.getValue()));
    }
}
