package app.financetracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Real RS256 tokens and Nimbus decoders; a test clock drives both the cache and the decoders' expiry check. */
class VerifiedTokensTest {

    private static final KeyPair KEYS = rsa();
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final TestClock clock = new TestClock();
    private final VerifiedTokens tokens = new VerifiedTokens(clock, () -> Duration.between(START, clock.instant()).toNanos());
    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenIsVerifiedOnceAndThenServedWithTheSameClaims() {
        JwtDecoder decoder = tokens.caching(counting(nimbus()));
        String token = token("alice", START.plusSeconds(300));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("alice").isEqualTo(first.getSubject());
        assertThat(decoder.decode(token("bob", START.plusSeconds(300))).getSubject()).isEqualTo("bob");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenNeverVerifiedIsCheckedEvenIfItLooksLikeACachedOne() {
        JwtDecoder decoder = tokens.caching(counting(nimbus()));
        String genuine = token("alice", START.plusSeconds(300));
        decoder.decode(genuine);
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + token("mallory", START.plusSeconds(300)).split("\\.")[1] + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).as("a rejected token is not remembered").hasValue(3);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRejected() {
        JwtDecoder decoder = tokens.caching(counting(nimbus()));
        String token = token("alice", START.plusSeconds(60));
        decoder.decode(token);

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void noTokenIsRememberedLongerThanTheMaximumAge() {
        JwtDecoder decoder = tokens.caching(counting(nimbus()));
        String token = token("alice", START.plus(Duration.ofHours(10)));
        decoder.decode(token);

        clock.advance(VerifiedTokens.MAX_AGE.plusSeconds(1));
        decoder.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void theReactiveDecoderVerifiesATokenOnce() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        nimbus.setJwtValidator(validator());
        ReactiveJwtDecoder counting = token -> nimbus.decode(token).doOnSubscribe(s -> verifications.incrementAndGet());
        ReactiveJwtDecoder decoder = tokens.caching(counting);
        String token = token("alice", START.plusSeconds(300));

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("alice");
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("alice");

        assertThat(verifications).hasValue(1);
        assertThatThrownBy(() -> decoder.decode(token.substring(0, token.length() - 4) + "AAAA").block())
                .isInstanceOf(JwtException.class);
    }

    private JwtDecoder nimbus() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        nimbus.setJwtValidator(validator());
        return nimbus;
    }

    private JwtTimestampValidator validator() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    private JwtDecoder counting(JwtDecoder decoder) {
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private static String token(String subject, Instant expiresAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject(subject).issueTime(Date.from(START)).expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TestClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
