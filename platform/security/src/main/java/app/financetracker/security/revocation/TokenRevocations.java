package app.financetracker.security.revocation;

import app.financetracker.security.Memberships;
import app.financetracker.security.RealmRolesConverter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Accounts whose tokens issued before a moment are refused (DESIGN §4, ADR 0014): an admin deleted, disabled or
 * demoted keeps a valid-looking access token until it expires, so every service and gateway instance remembers,
 * per subject ({@code sub}), when that happened and refuses the older tokens. Fed by {@link RevocationFeed} from
 * {@code events:admins}; a revocation is forgotten once every token issued before it has expired anyway.
 */
public final class TokenRevocations {

    private final Clock clock;
    private final Duration window;
    private final Map<String, Revocation> revoked = new ConcurrentHashMap<>();

    /**
     * @param removedRoles the realm roles or entity group paths ({@code /entities/<id>/<role>}) taken away; empty when
     *                     the whole account was (deleted, disabled)
     */
    private record Revocation(Instant at, Set<String> removedRoles) {
    }

    /** @param window at least the longest access-token lifetime of the realm */
    public TokenRevocations(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * From now on, tokens of {@code subject} issued before {@code at} are refused.
     *
     * @param removedRoles the roles taken away at that moment; empty when the account itself was deleted or disabled
     */
    public void revoke(String subject, Instant at, Collection<String> removedRoles) {
        revoked.merge(subject, new Revocation(at, Set.copyOf(removedRoles)),
                (known, given) -> given.at().isAfter(known.at()) ? given : known);
        Instant forgetBefore = clock.instant().minus(window);
        revoked.values().removeIf(revocation -> revocation.at().isBefore(forgetBefore));
    }

    /** Whether tokens of {@code subject} that the caller received at {@code receivedAt} (to the millisecond) predate a revocation. */
    public boolean revoked(String subject, Instant receivedAt) {
        Revocation revocation = subject == null ? null : revoked.get(subject);
        return revocation != null && (receivedAt == null || receivedAt.isBefore(revocation.at()));
    }

    /**
     * Whether the token predates a revocation of its account. Tokens state {@code iat} in whole seconds: one issued
     * in the very second of the revocation is older if it still holds a role that was taken away (or whenever the
     * account itself was revoked: Keycloak issues such an account no token afterwards).
     */
    boolean revoked(Jwt jwt) {
        Revocation revocation = jwt.getSubject() == null ? null : revoked.get(jwt.getSubject());
        if (revocation == null) {
            return false;
        }
        Instant issuedAt = jwt.getIssuedAt();
        Instant second = revocation.at().truncatedTo(ChronoUnit.SECONDS);
        if (issuedAt == null || issuedAt.isBefore(second)) {
            return true;
        }
        if (!issuedAt.equals(second)) {
            return false;
        }
        List<String> groups = jwt.getClaimAsStringList(Memberships.CLAIM);
        return revocation.removedRoles().isEmpty()
                || RealmRolesConverter.rolesOf(jwt.getClaimAsMap("realm_access")).stream()
                        .anyMatch(revocation.removedRoles()::contains)
                || groups != null && groups.stream().anyMatch(revocation.removedRoles()::contains);
    }

    /** {@code decoder}, refusing revoked tokens (after any cache, so that a cached token is refused too). */
    public JwtDecoder checking(JwtDecoder decoder) {
        return token -> refuseRevoked(decoder.decode(token));
    }

    /** {@code decoder}, refusing revoked tokens (the reactive gateway). */
    public ReactiveJwtDecoder checking(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token).map(this::refuseRevoked);
    }

    private Jwt refuseRevoked(Jwt jwt) {
        if (revoked(jwt)) {
            throw new BadJwtException("This token was revoked: its account changed after it was issued");
        }
        return jwt;
    }
}
