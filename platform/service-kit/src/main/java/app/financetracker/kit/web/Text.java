package app.financetracker.kit.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * A text for the caller: a code of the services' message bundles and its arguments, put into words in the caller's
 * language only when the response is written (DESIGN §14). A code missing from the bundles shows as itself, which the
 * language tests catch.
 */
public record Text(String code, Object... args) {

    public String in(MessageSource messages, Locale locale) {
        return messages.getMessage(code, args.length == 0 ? null : args, code, locale);
    }
}
