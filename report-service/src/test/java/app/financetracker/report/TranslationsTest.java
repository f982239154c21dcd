package app.financetracker.report;

import app.financetracker.testkit.Translations;
import org.junit.jupiter.api.Test;

/** Every text of the module in French, Dutch and English (DESIGN §14). */
class TranslationsTest {

    @Test
    void everyTextIsInEveryLanguage() {
        Translations.assertComplete("messages");
    }
}
