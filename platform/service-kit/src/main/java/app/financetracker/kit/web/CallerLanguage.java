package app.financetracker.kit.web;

import app.financetracker.security.Languages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request (DESIGN §14): {@code ?lang=fr|nl|en} when given — a download link cannot set a header —
 * else the best match of {@code Accept-Language}; English otherwise. Stateless: nothing is stored.
 */
public class CallerLanguage implements LocaleResolver {

    static final String PARAMETER = "lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return of(request);
    }

    /** For filters, which run before Spring MVC has resolved the request's locale. */
    public static Locale of(HttpServletRequest request) {
        String chosen = request.getParameter(PARAMETER);
        return Languages.of(chosen != null && !chosen.isBlank() ? chosen : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        throw new UnsupportedOperationException("The language is the caller's to choose, with each request");
    }
}
