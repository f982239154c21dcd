package app.financetracker.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * Checks that a message bundle speaks every language of the product (DESIGN §14): its French and Dutch files have
 * exactly the English keys, each text keeps the English one's placeholders, and a pattern with arguments writes a
 * literal apostrophe as {@code ''} (MessageFormat would otherwise swallow the text after it). One line per module:
 * {@code Translations.assertComplete("messages")}.
 */
public final class Translations {

    private static final Set<String> LANGUAGES = Set.of("fr", "nl");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{},]+)");
    private static final Pattern MESSAGE_FORMAT_ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private Translations() {
    }

    /** The bundle {@code base} (a class path name such as {@code messages}) is complete in every language. */
    public static void assertComplete(String base) {
        Properties english = load(base + ".properties");
        assertThat(english).as("%s.properties", base).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        checkApostrophes(softly, base, english);
        for (String language : LANGUAGES) {
            String file = base + "_" + language + ".properties";
            Properties translated = load(file);
            softly.assertThat(translated.stringPropertyNames()).as("keys of %s", file)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text != null) {
                    softly.assertThat(placeholders(text)).as("placeholders of %s in %s", key, file)
                            .isEqualTo(placeholders(english.getProperty(key)));
                    softly.assertThat(text).as("%s in %s", key, file).isNotBlank();
                }
            }
            checkApostrophes(softly, file, translated);
        }
        softly.assertAll();
    }

    private static void checkApostrophes(SoftAssertions softly, String file, Properties texts) {
        texts.forEach((key, text) -> {
            String pattern = (String) text;
            if (MESSAGE_FORMAT_ARGUMENT.matcher(pattern).find()) {
                softly.assertThat(LONE_APOSTROPHE.matcher(pattern).find())
                        .as("%s in %s has a lone apostrophe: write '' or ’", key, file).isFalse();
            }
        });
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }

    private static Properties load(String resource) {
        try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("%s on the class path", resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
