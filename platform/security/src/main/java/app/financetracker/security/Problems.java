package app.financetracker.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 bodies for responses written outside Spring MVC/WebFlux handlers: security entry points,
 * access-denied handlers and the gateway's fallbacks.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    public static byte[] body(int status, String title, String detail, String instance) {
        return MAPPER.writeValueAsBytes(problem(status, title, detail, instance));
    }

    private static Map<String, Object> problem(int status, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    /** A caller of several entities did not say which one the call acts in (DESIGN §9). */
    public static byte[] entityRequired(String instance, Collection<String> entities) {
        Map<String, Object> problem = problem(400, "Bad Request", "Your account belongs to several entities: say "
                + "which one this call acts in with the header " + Memberships.HEADER + ".", instance);
        problem.put("entities", List.copyOf(entities));
        return MAPPER.writeValueAsBytes(problem);
    }

    /** The entity named is not one the caller belongs to (or the caller belongs to none). */
    public static byte[] notInEntity(String instance) {
        return body(403, "Forbidden", "Your account does not belong to this entity.", instance);
    }

    public static byte[] unauthorized(String instance) {
        return body(401, "Unauthorized", "Sign in, or send a valid bearer token.", instance);
    }

    public static byte[] tooLarge(String instance, long limit) {
        return body(413, "Content Too Large", "The request body is larger than " + limit + " bytes.", instance);
    }

    /** The token could not be checked because Keycloak's signing keys cannot be fetched right now. */
    public static byte[] cannotCheckToken(String instance) {
        return body(503, "Service Unavailable", "Sign-in cannot be checked right now; try again in a few seconds.",
                instance);
    }

    public static byte[] forbidden(String instance) {
        return body(403, "Forbidden", "Your account may not do this.", instance);
    }
}
