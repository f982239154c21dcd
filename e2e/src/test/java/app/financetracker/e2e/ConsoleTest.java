package app.financetracker.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser test of the console against the whole stack: one headless Chromium per test, the console's elements
 * found by {@code data-testid}, and screens checked with axe-core and saved under docs/screenshots.
 */
@ExtendWith(Stack.class)
abstract class ConsoleTest {

    static final Path SCREENSHOTS = Path.of(System.getProperty("ft.root"), "docs", "screenshots");

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    WebElement visible(String testId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + testId + "']")));
    }

    void click(String testId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='" + testId + "']"))).click();
    }

    void absent(String testId) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid='" + testId + "']")));
    }

    static void type(WebElement form, String name, String text) {
        WebElement input = form.findElement(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Signs in through the Keycloak page and waits for the dashboard. */
    void signIn(String username, String password) {
        Browser.signIn(browser, Stack.get().gatewayUrl(), username, password);
    }

    void checkAccessibilityAndShoot(String screen) throws Exception {
        Axe.assertNoSeriousViolations(browser, screen);
        Browser.screenshot(browser, SCREENSHOTS.resolve(screen + ".png"));
    }
}
