package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in headless Chromium: signs in through the Keycloak page, sees the console, signs out. */
@ExtendWith(Stack.class)
class ConsoleLoginIT {

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void seededAdminSignsInThroughKeycloakSeesTheConsoleAndSignsOut() throws Exception {
        browser.get(Stack.get().gatewayUrl());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/finance-tracker/");
        browser.findElement(By.id("username")).sendKeys(Tokens.ADMIN);
        browser.findElement(By.id("password")).sendKeys(Tokens.ADMIN_PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        var welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]")));
        assertThat(welcome.getText()).isEqualTo("Welcome, Default Admin");
        assertThat(browser.getCurrentUrl()).startsWith(Stack.get().gatewayUrl());
        Cookie session = browser.manage().getCookieNamed("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(browser.getPageSource()).doesNotContain("eyJ"); // no JWT in the page
        Files.createDirectories(Path.of("target/screenshots"));
        Browser.screenshot(browser, Path.of("target/screenshots/console-first-screen.png"));

        browser.findElement(By.xpath("//button[text()='Sign out']")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get(Stack.get().gatewayUrl());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/finance-tracker/");
    }
}
