package app.financetracker.kit.stream;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Every entry of a stream, from its start, through its dispatch again (XRANGE, 500 at a time). The group's
 * position and pending entries are left alone: this only rebuilds what the handler stores.
 */
final class StreamReplay {

    private static final Logger log = LoggerFactory.getLogger(StreamReplay.class);
    private static final int PAGE = 500;

    private final StringRedisTemplate redis;

    StreamReplay(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Returns how many entries the stream had. */
    long replay(Dispatch<?> dispatch) {
        String stream = dispatch.stream();
        long count = 0;
        String from = "-";
        while (true) {
            List<MapRecord<String, String, String>> batch = redis.<String, String>opsForStream()
                    .range(stream, Range.rightUnbounded(Range.Bound.inclusive(from)), Limit.limit().count(PAGE));
            for (MapRecord<String, String, String> record : batch) {
                if (record.getId().getValue().equals(from)) {
                    continue;
                }
                if (!dispatch.redeliver(record)) {
                    log.debug("Replay skips malformed entry {}", record.getId());
                }
                count++;
            }
            if (batch.size() < PAGE) {
                return count;
            }
            from = batch.get(batch.size() - 1).getId().getValue();
        }
    }
}
