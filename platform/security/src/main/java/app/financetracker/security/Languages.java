package app.financetracker.security;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The languages the product speaks (DESIGN §14): English, French and Dutch. A caller's language is the best match of
 * its {@code Accept-Language} ({@code fr-BE} is French, {@code nl-BE} Dutch); anything else, or nothing, is English.
 */
public final class Languages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH, DUTCH);

    private Languages() {
    }

    /** The locale that formats dates and amounts in a language the Belgian way (English: the British way). */
    public static Locale formats(Locale language) {
        return switch (language.getLanguage()) {
            case "fr" -> Locale.forLanguageTag("fr-BE");
            case "nl" -> Locale.forLanguageTag("nl-BE");
            default -> Locale.forLanguageTag("en-GB");
        };
    }

    /** The supported language that best matches a language range list such as {@code nl-BE,nl;q=0.9,en;q=0.8}. */
    public static Locale of(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match != null ? match : Locale.ENGLISH;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
