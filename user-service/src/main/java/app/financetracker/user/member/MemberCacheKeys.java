package app.financetracker.user.member;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Cache keys carry a generation per member (and one for the list pages); a change bumps the generation instead
 * of deleting entries. Deleting would race with a reader that read Mongo before the change and writes the cache
 * after it, leaving a stale entry for the whole TTL (the two-instance balance test caught it). A reader takes the
 * generation before it reads Mongo, so whatever it caches under that generation is at most as old as the
 * generation; once a change bumped it, every reader uses the new key (ADR 0005).
 */
@Component("memberCacheKeys")
public class MemberCacheKeys {

    private static final Logger log = LoggerFactory.getLogger(MemberCacheKeys.class);
    private static final String PREFIX = "finance-tracker:generation:";
    private static final String PAGES = PREFIX + "member-pages";
    /** Longer than any cache entry lives, so that a generation that expired cannot meet its old entries. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final StringRedisTemplate redis;

    MemberCacheKeys(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public String profile(String id) {
        return id + "@" + generation(PREFIX + "member:" + id);
    }

    public String page(String query) {
        return query + "@" + generation(PAGES);
    }

    /** After a member changed: their profile and every list page are read afresh. */
    void memberChanged(String id) {
        bump(PREFIX + "member:" + id);
        bump(PAGES);
    }

    /** After a member was added: list pages are read afresh; other profiles stay cached. */
    void listChanged() {
        bump(PAGES);
    }

    private String generation(String key) {
        try {
            String generation = redis.opsForValue().get(key);
            return generation == null ? "0" : generation;
        } catch (RuntimeException e) {
            // Redis is down: a key no entry has, so the read goes to Mongo.
            return "unavailable-" + UUID.randomUUID();
        }
    }

    private void bump(String key) {
        try {
            redis.opsForValue().increment(key);
            redis.expire(key, KEEP);
        } catch (RuntimeException e) {
            log.warn("Could not invalidate cached members ({}); entries expire by themselves", e.getMessage());
        }
    }
}
