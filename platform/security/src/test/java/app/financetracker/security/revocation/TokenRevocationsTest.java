package app.financetracker.security.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.financetracker.security.VerifiedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class TokenRevocationsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.400Z");
    private final TokenRevocations revocations = new TokenRevocations(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofHours(1));


    /** {@code roles}: realm roles, or entity group paths when they start with {@code /} (DESIGN §9). */
    private static Jwt token(String subject, Instant issuedAt, String... roles) {
        return Jwt.withTokenValue(subject + "@" + issuedAt).header("alg", "RS256").subject(subject)
                .issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(300))
                .claim("realm_access", Map.of("roles", Arrays.stream(roles).filter(r -> !r.startsWith("/")).toList()))
                .claim("groups", Arrays.stream(roles).filter(r -> r.startsWith("/")).toList()).build();
    }

    @Test
    void tokensIssuedBeforeTheAccountWasRevokedAreRefusedLaterOnesAndOtherAccountsAreNot() {
        revocations.revoke("anna", NOW, List.of());

        assertThat(revocations.revoked(token("anna", NOW.minusSeconds(60), "admin"))).isTrue();
        // iat has whole seconds: 10:00:00 may be 10:00:00.300, before the revocation at .400.
        assertThat(revocations.revoked(token("anna", Instant.parse("2026-12-01T10:00:00Z"), "admin"))).isTrue();
        assertThat(revocations.revoked(token("anna", Instant.parse("2026-12-01T10:00:01Z"), "admin"))).isFalse();
        assertThat(revocations.revoked(token("bert", NOW.minusSeconds(60), "admin"))).isFalse();
    }

    /** A token fetched in the second of a demotion is older only if it still carries the role taken away. */
    @Test
    void inTheSecondOfARoleRemovalOnlyTokensWithThatRoleAreRefused() {
        revocations.revoke("anna", NOW, List.of("/entities/unit-a/super-admin"));
        Instant sameSecond = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(revocations.revoked(token("anna", sameSecond, "/entities/unit-a/admin",
                "/entities/unit-a/super-admin"))).isTrue();
        assertThat(revocations.revoked(token("anna", sameSecond, "/entities/unit-a/admin",
                "/entities/unit-b/super-admin"))).isFalse();
        assertThat(revocations.revoked(token("anna", NOW.minusSeconds(5), "/entities/unit-a/admin"))).isTrue();
    }

    @Test
    void inTheSecondOfARealmRoleRemovalOnlyTokensWithThatRoleAreRefused() {
        revocations.revoke("anna", NOW, List.of("platform-admin"));
        Instant sameSecond = Instant.parse("2026-12-01T10:00:00Z");

        assertThat(revocations.revoked(token("anna", sameSecond, "platform-admin"))).isTrue();
        assertThat(revocations.revoked(token("anna", sameSecond, "/entities/unit-a/admin"))).isFalse();
    }

    @Test
    void sessionTokensAreComparedToTheMillisecond() {
        revocations.revoke("anna", NOW, List.of());

        assertThat(revocations.revoked("anna", NOW.minusMillis(1))).isTrue();
        assertThat(revocations.revoked("anna", NOW.plusMillis(1))).isFalse();
        assertThat(revocations.revoked("bert", NOW.minusMillis(1))).isFalse();
    }

    @Test
    void aLaterRevocationWinsAndAnEarlierOneDoesNotUndoIt() {
        revocations.revoke("anna", NOW, List.of());
        revocations.revoke("anna", NOW.minusSeconds(30), List.of());

        assertThat(revocations.revoked("anna", NOW.minusSeconds(10))).isTrue();
    }

    @Test
    void revocationsOlderThanTheWindowAreForgotten() {
        revocations.revoke("old", NOW.minus(Duration.ofHours(2)), List.of());
        revocations.revoke("anna", NOW, List.of());

        assertThat(revocations.revoked("old", NOW.minus(Duration.ofHours(3)))).isFalse();
    }

    /** The cache serves a verified token without verifying it again: the check comes after it. */
    @Test
    void aCachedTokenIsRefusedOnceItsAccountIsRevoked() {
        Instant now = Instant.now(); // the cache keeps a token until its real expiry
        Jwt jwt = token("anna", now.minusSeconds(30));
        AtomicInteger verifications = new AtomicInteger();
        JwtDecoder verifying = value -> {
            verifications.incrementAndGet();
            return jwt;
        };
        JwtDecoder decoder = revocations.checking(new VerifiedTokens().caching(verifying));
        assertThat(decoder.decode(jwt.getTokenValue())).isEqualTo(jwt);

        revocations.revoke("anna", now, List.of());

        assertThatThrownBy(() -> decoder.decode(jwt.getTokenValue())).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("revoked");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void theReactiveDecoderRefusesRevokedTokensAsAnError() {
        Jwt jwt = token("anna", NOW.minusSeconds(30));
        ReactiveJwtDecoder decoder = revocations.checking((ReactiveJwtDecoder) value -> Mono.just(jwt));
        revocations.revoke("anna", NOW, List.of());

        assertThatThrownBy(() -> decoder.decode(jwt.getTokenValue()).block()).isInstanceOf(BadJwtException.class);
    }
}
