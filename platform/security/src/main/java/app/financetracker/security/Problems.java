package app.financetracker.security;

import java.text.MessageFormat;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 bodies for responses written outside Spring MVC/WebFlux handlers: security entry points,
 * access-denied handlers and the gateway's fallbacks. The {@code detail} is in the caller's language
 * ({@link Languages}), from the bundle {@code app/financetracker/security/problems}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String BUNDLE = "app.financetracker.security.problems";
    /** English is the base bundle: no fallback to the JVM's own locale. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Problems() {
    }

    /** The text {@code key} of the bundle in {@code locale}, with its arguments. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, Problems.class.getClassLoader(), NO_FALLBACK)
                .getString(key);
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Whether the bundle has a text {@code key}. */
    public static boolean hasText(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, Problems.class.getClassLoader(), NO_FALLBACK)
                .containsKey(key);
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
    public static byte[] entityRequired(Locale locale, String instance, Collection<String> entities) {
        Map<String, Object> problem = problem(400, "Bad Request", text(locale, "entityRequired", Memberships.HEADER),
                instance);
        problem.put("entities", List.copyOf(entities));
        return MAPPER.writeValueAsBytes(problem);
    }

    /** The entity named is not one the caller belongs to (or the caller belongs to none). */
    public static byte[] notInEntity(Locale locale, String instance) {
        return body(403, "Forbidden", text(locale, "notInEntity"), instance);
    }

    public static byte[] unauthorized(Locale locale, String instance) {
        return body(401, "Unauthorized", text(locale, "unauthorized"), instance);
    }

    public static byte[] tooLarge(Locale locale, String instance, long limit) {
        return body(413, "Content Too Large", text(locale, "tooLarge", limit), instance);
    }

    /** The token could not be checked because Keycloak's signing keys cannot be fetched right now. */
    public static byte[] cannotCheckToken(Locale locale, String instance) {
        return body(503, "Service Unavailable", text(locale, "cannotCheckToken"), instance);
    }

    public static byte[] forbidden(Locale locale, String instance) {
        return body(403, "Forbidden", text(locale, "forbidden"), instance);
    }
}
