package app.financetracker.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Access tokens already verified, so that the token a client sends with every call is parsed and its signature
 * checked once, not on every request: a quarter of the gateway's CPU per proxied call went there (ADR 0013).
 * Keyed by the whole token, so only the very string verified before is served from here; remembered until the
 * token expires and at most {@link #MAX_AGE}; a token that fails verification is never remembered. A token stays
 * accepted until its expiry as with any JWT: a cached one is not re-checked against a key rotated meanwhile.
 */
public final class VerifiedTokens {

    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private static final int MAX_TOKENS = 10_000;

    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens() {
        this(Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(Clock clock, Ticker ticker) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).ticker(ticker)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> lifetime(jwt)))
                .build();
    }

    /** {@code decoder}, verifying each distinct token once (servlet services). */
    public JwtDecoder caching(JwtDecoder decoder) {
        return token -> {
            Jwt jwt = verified.getIfPresent(token);
            return jwt != null ? jwt : remember(token, decoder.decode(token));
        };
    }

    /** {@code decoder}, verifying each distinct token once (the reactive gateway). */
    public ReactiveJwtDecoder caching(ReactiveJwtDecoder decoder) {
        return token -> {
            Jwt jwt = verified.getIfPresent(token);
            return jwt != null ? Mono.just(jwt) : decoder.decode(token).map(decoded -> remember(token, decoded));
        };
    }

    private Jwt remember(String token, Jwt jwt) {
        if (!lifetime(jwt).isZero()) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Until the token's expiry, at most {@link #MAX_AGE}; zero without an expiry (never cached). */
    private Duration lifetime(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(MAX_AGE) < 0 ? left : MAX_AGE;
    }
}
