package app.financetracker.user.member;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Cache keys carry a generation per member (and one for each entity's list pages); a change bumps the generation
 * instead of deleting entries. Deleting would race with a reader that read Mongo before the change and writes the
 * cache after it, leaving a stale entry for the whole TTL (the two-instance balance test caught it). A reader takes
 * the generation before it reads Mongo, so whatever it caches under that generation is at most as old as the
 * generation; once a change bumped it, every reader uses the new key (ADR 0005).
 *
 * <p>With Redis down, a circuit breaker keeps reads off the cache ({@link #available()}) after the first failure,
 * instead of every read waiting for Redis time-outs; bumps that failed are retried once Redis answers again, so
 * an entry cached before the outage is not served after a change made during it.
 *
 * <p>Every key starts with the entity the read acts in (DESIGN §9): a cached profile or page of one entity is never
 * the answer to a read in another, and a change in one entity leaves the other entities' pages cached.
 */
@Component("memberCacheKeys")
public class MemberCacheKeys {

    private static final Logger log = LoggerFactory.getLogger(MemberCacheKeys.class);
    private static final String PREFIX = "finance-tracker:generation:";
    private static final String PAGES = PREFIX + "member-pages";
    /** Longer than any cache entry lives, so that a generation that expired cannot meet its old entries. */
    private static final Duration KEEP = Duration.ofDays(1);

    private final StringRedisTemplate redis;
    private final CircuitBreaker breaker = CircuitBreaker.of("member-cache", CircuitBreakerConfig.custom()
            .minimumNumberOfCalls(1).slidingWindowSize(5).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(5)).automaticTransitionFromOpenToHalfOpenEnabled(true)
            .permittedNumberOfCallsInHalfOpenState(1)
            .build());
    private final Set<String> unbumped = ConcurrentHashMap.newKeySet();

    MemberCacheKeys(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Whether reads use the cache at all (the condition of the service's {@code @Cacheable}s). */
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN;
    }

    public String profile(String entityId, String id) {
        return entityId + ":" + id + "@" + generation(memberKey(entityId, id));
    }

    public String page(String entityId, String query) {
        return entityId + ":" + query + "@" + generation(pagesKey(entityId));
    }

    /** After a member changed: their profile and every list page of their entity are read afresh. */
    void memberChanged(String entityId, String id) {
        bump(memberKey(entityId, id));
        bump(pagesKey(entityId));
    }

    /** After a member was added: the entity's list pages are read afresh; profiles stay cached. */
    void listChanged(String entityId) {
        bump(pagesKey(entityId));
    }

    private static String memberKey(String entityId, String id) {
        return PREFIX + "member:" + entityId + ":" + id;
    }

    private static String pagesKey(String entityId) {
        return PAGES + ":" + entityId;
    }

    private String generation(String key) {
        try {
            return breaker.executeSupplier(() -> {
                unbumped.forEach(this::bump);
                String generation = redis.opsForValue().get(key);
                return generation == null ? "0" : generation;
            });
        } catch (RuntimeException e) {
            // Redis is down: a key no entry has, so the read goes to Mongo.
            return "unavailable-" + UUID.randomUUID();
        }
    }

    private void bump(String key) {
        try {
            redis.opsForValue().increment(key);
            redis.expire(key, KEEP);
            unbumped.remove(key);
        } catch (RuntimeException e) {
            unbumped.add(key);
            log.warn("Could not invalidate cached members yet ({}); retried when Redis answers", e.getMessage());
        }
    }
}
