package app.financetracker.security;

import java.util.LinkedHashMap;
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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        return MAPPER.writeValueAsBytes(problem);
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
