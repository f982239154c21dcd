package app.financetracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The service's texts (DESIGN §14): every one in English, French and Dutch, each a valid pattern. */
class MessagesTest {

    @Test
    void everyLanguageHasEveryTextAndEveryPatternReads() throws IOException {
        Properties english = bundle("");
        for (String language : new String[] {"_fr", "_nl"}) {
            Properties other = bundle(language);
            assertThat(other.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            other.forEach((code, text) -> assertThat(new MessageFormat(text.toString(), Locale.ROOT).format(
                    new Object[] {"A", "B", "C", "D"})).as(language + " " + code).isNotBlank());
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(MessagesTest.class.getResourceAsStream(
                "/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
