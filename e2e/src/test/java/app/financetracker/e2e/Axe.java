package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (the console's dev dependency) run in the page: accessibility violations a person would hit. */
final class Axe {

    private static final String SCRIPT = load();

    private Axe() {
    }

    private static String load() {
        try {
            return Files.readString(Path.of(System.getProperty("ft.root"), "frontend/node_modules/axe-core/axe.min.js"));
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core missing: build the frontend module first", e);
        }
    }

    static void assertNoSeriousViolations(WebDriver browser, String screen) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(SCRIPT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' (' + v.nodes.length + ')')));
                """);
        assertThat((List<?>) result).as("serious or critical accessibility violations on " + screen).isEmpty();
    }
}
