package app.financetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void theCallersLanguageIsTheBestSupportedMatchOfAcceptLanguage() {
        assertThat(Languages.of("fr-BE,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRENCH);
        assertThat(Languages.of("nl-BE")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.of("de-DE,nl;q=0.5")).isEqualTo(Languages.DUTCH);
        assertThat(Languages.of("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of("")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of(";;q=x")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void detailsAreInTheCallersLanguageWithTheirArguments() {
        assertThat(new String(Problems.tooLarge(Locale.FRENCH, "/api/users", 1_048_576)))
                .contains("\"detail\":\"Le corps de la requête dépasse 1048576 octets.\"");
        assertThat(Problems.text(Languages.DUTCH, "serviceUnavailable", "user-service"))
                .isEqualTo("user-service antwoordt nu niet; probeer het over enkele seconden opnieuw.");
        assertThat(Problems.text(Locale.ENGLISH, "rejected")).isEqualTo("The request's path or headers are not acceptable.");
        // A language the product does not speak gets English, whatever the JVM's own locale.
        assertThat(Problems.text(Locale.GERMAN, "forbidden")).isEqualTo("Your account may not do this.");
    }

    @Test
    void everyLanguageHasEveryText() throws IOException {
        Properties english = bundle("");
        for (String language : new String[] {"_fr", "_nl"}) {
            assertThat(bundle(language).stringPropertyNames()).as(language)
                    .isEqualTo(english.stringPropertyNames());
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Problems.class.getResourceAsStream("problems" + suffix + ".properties")) {
            properties.load(in);
        }
        return properties;
    }
}
