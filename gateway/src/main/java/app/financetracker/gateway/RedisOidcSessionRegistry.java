package app.financetracker.gateway;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.util.SerializationUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which gateway sessions belong to which Keycloak session, in Redis beside the sessions themselves, so that
 * Keycloak's back-channel logout, which reaches one gateway instance, ends the matching sessions made on any
 * instance (Spring Security's default registry lives in one process's memory). Per gateway session a hash with
 * the session information; per Keycloak session ({@code sid}) and per account ({@code sub}) a set of gateway
 * session ids. Every key lives as long as a Keycloak session may (ADR 0014).
 */
final class RedisOidcSessionRegistry implements ReactiveOidcSessionRegistry {

    private static final String PREFIX = "finance-tracker:oidc:";

    private final ReactiveStringRedisTemplate redis;
    private final Duration lifetime;

    RedisOidcSessionRegistry(ReactiveStringRedisTemplate redis, Duration lifetime) {
        this.redis = redis;
        this.lifetime = lifetime;
    }

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        String session = sessionKey(info.getSessionId());
        String sid = info.getPrincipal().getIdToken().getClaimAsString("sid");
        String subject = info.getPrincipal().getSubject();
        Map<String, String> fields = sid == null
                ? Map.of("info", encode(info), "sub", subject)
                : Map.of("info", encode(info), "sub", subject, "sid", sid);
        Mono<Boolean> indexed = sid == null ? Mono.just(true) : index(sidKey(sid), info.getSessionId());
        return redis.opsForHash().putAll(session, fields)
                .then(redis.expire(session, lifetime))
                .then(indexed)
                .then(index(subjectKey(subject), info.getSessionId()))
                .then();
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        String session = sessionKey(clientSessionId);
        return redis.<String, String>opsForHash().entries(session).collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .filter(fields -> fields.containsKey("info"))
                .flatMap(fields -> {
                    Mono<Long> fromSid = fields.containsKey("sid")
                            ? redis.opsForSet().remove(sidKey(fields.get("sid")), clientSessionId) : Mono.just(0L);
                    return fromSid.then(redis.opsForSet().remove(subjectKey(fields.get("sub")), clientSessionId))
                            .then(redis.delete(session))
                            .thenReturn(decode(fields.get("info")));
                });
    }

    /** The sessions of the logout token's Keycloak session, or of its account when it names no session. */
    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        String index = token.getSessionId() != null ? sidKey(token.getSessionId()) : subjectKey(token.getSubject());
        // The token was already checked against the one registration's issuer and keys.
        return redis.opsForSet().members(index).concatMap(this::removeSessionInformation);
    }

    private Mono<Boolean> index(String key, String sessionId) {
        return redis.opsForSet().add(key, sessionId).then(redis.expire(key, lifetime));
    }

    private static String encode(OidcSessionInformation info) {
        return Base64.getEncoder().encodeToString(SerializationUtils.serialize(info));
    }

    @SuppressWarnings("deprecation") // written by this class only, from Spring Security's own serializable types
    private static OidcSessionInformation decode(String encoded) {
        return (OidcSessionInformation) SerializationUtils.deserialize(Base64.getDecoder().decode(encoded));
    }

    private static String sessionKey(String sessionId) {
        return PREFIX + "session:" + sessionId;
    }

    private static String sidKey(String sid) {
        return PREFIX + "sid:" + sid;
    }

    private static String subjectKey(String subject) {
        return PREFIX + "sub:" + subject;
    }
}
