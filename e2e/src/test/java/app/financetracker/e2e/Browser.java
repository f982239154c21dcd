package app.financetracker.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium with its own chromedriver: nothing is downloaded. */
final class Browser {

    private Browser() {
    }

    static WebDriver open() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("ft.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("ft-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("ft.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Signs in through the Keycloak page that {@code url} leads to, and waits for the console's first screen. */
    static void signIn(WebDriver browser, String url, String username, String password) {
        browser.get(url);
        enterCredentials(browser, username, password);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]")));
    }

    /** Fills in and sends the Keycloak sign-in form, once it shows. */
    static void enterCredentials(WebDriver browser, String username, String password) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * The status of an API call made from the page as the console makes it: the session cookie, the CSRF token
     * echoed from its cookie, no redirect followed (a redirect answers 0).
     */
    static int call(WebDriver browser, String method, String path, String json) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
                const headers = { Accept: 'application/json' };
                if (csrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.substring('XSRF-TOKEN='.length));
                if (body) headers['Content-Type'] = 'application/json';
                fetch(path, { method, headers, body, credentials: 'same-origin', redirect: 'manual' })
                  .then((response) => done(response.status), () => done(-1));
                """, method, path, json);
        return ((Number) status).intValue();
    }

    static void screenshot(WebDriver browser, Path file) throws IOException {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
