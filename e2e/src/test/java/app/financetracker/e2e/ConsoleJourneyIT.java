package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The treasurer's first day, in headless Chromium against the whole stack: sign in, add a member and three
 * transactions (one refused inline), find them in the global view with two filters, follow the notification
 * to the highlighted transaction, generate a report, create a second admin, sign out. Each main screen is
 * checked with axe-core (no serious or critical violation) and saved as a screenshot under docs/screenshots.
 */
class ConsoleJourneyIT extends ConsoleTest {


    /** Sets a date input as a person picking a date would; React listens to the input event. */
    private void setDate(WebElement input, String isoDate) {
        script("""
                const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
                setter.call(arguments[0], arguments[1]);
                arguments[0].dispatchEvent(new Event('input', { bubbles: true }));
                arguments[0].dispatchEvent(new Event('change', { bubbles: true }));
                """, input, isoDate);
    }

    private void addTransaction(String type, String amount, String category) {
        click("transaction-new");
        WebElement dialog = visible("transaction-dialog");
        new Select(dialog.findElement(By.name("type"))).selectByValue(type);
        type(dialog, "amount", amount);
        new Select(dialog.findElement(By.name("categoryId"))).selectByVisibleText(category);
        click("transaction-save");
    }

    @Test
    void aTreasurerFindsTheirWayFromLoginToLogout() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String lastName = "Dupont-" + suffix;
        String category = "Camp " + suffix;

        // Sign in through Keycloak.
        browser.get(Stack.get().gatewayUrl());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(Tokens.ADMIN);
        browser.findElement(By.id("password")).sendKeys(Tokens.ADMIN_PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        assertThat(visible("welcome").getText()).isEqualTo("Welcome, Default Admin");

        // A category to file things under.
        click("nav-categories");
        click("category-new");
        WebElement categoryDialog = visible("category-dialog");
        type(categoryDialog, "name", category);
        click("category-save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='category-row']"), "Camp"));

        // Member data is text: a name that is markup stays inert.
        String markup = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin()).post("/api/users", java.util.Map.of(
                "firstName", "<img src=x onerror=alert(1)>", "lastName", "Markup", "email", "markup-" + suffix
                        + "@example.com")).at("/id");
        browser.get(Stack.get().gatewayUrl() + "/members/" + markup);
        assertThat(visible("member-name").getText()).isEqualTo("<img src=x onerror=alert(1)> Markup");
        assertThat(browser.findElements(By.cssSelector("[data-testid='member-name'] img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

        // A member.
        click("nav-members");
        click("member-new");
        WebElement memberDialog = visible("member-dialog");
        type(memberDialog, "firstName", "Lucas");
        type(memberDialog, "lastName", lastName);
        type(memberDialog, "email", "lucas-" + suffix + "@example.com");
        type(memberDialog, "phone", "+32471234567");
        click("member-save");
        assertThat(visible("member-name").getText()).isEqualTo("Lucas " + lastName);
        String memberUrl = browser.getCurrentUrl();

        // Three transactions, one refused with the API's message under its field first.
        addTransaction("RECEIVABLE", "300.123", category);
        assertThat(visible("error-amount").getText()).isNotBlank();
        WebElement dialog = visible("transaction-dialog");
        type(dialog, "amount", "300");
        click("transaction-save");
        absent("transaction-dialog");
        addTransaction("DEBT", "150", category);
        absent("transaction-dialog");
        addTransaction("COLLECTED", "150", category);
        absent("transaction-dialog");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='transaction-row']")).size() == 3);
        checkAccessibilityAndShoot("member-profile");

        // The global view with two filters, kept in the URL.
        click("nav-transactions");
        new Select(visible("filter-type")).selectByValue("DEBT");
        visible("filter-q").sendKeys(lastName);
        click("filters-apply");
        wait.until(ExpectedConditions.urlContains("type=DEBT"));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='transaction-row']")).size() == 1);
        assertThat(browser.findElements(By.cssSelector("[data-testid='filter-chip']"))).hasSizeGreaterThanOrEqualTo(2);
        checkAccessibilityAndShoot("transactions");
        browser.findElement(By.cssSelector("[data-testid='transaction-row']")).click();
        wait.until(ExpectedConditions.urlContains(memberUrl.substring(memberUrl.indexOf("/members/"))));

        // The feed: the panel closes three ways, and an entry leads to the highlighted transaction.
        click("notification-bell");
        visible("notification-panel");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        absent("notification-panel");
        click("notification-bell");
        click("notification-close");
        absent("notification-panel");
        click("notification-bell");
        visible("notification-panel");
        browser.findElement(By.tagName("h1")).click();
        absent("notification-panel");
        click("notification-bell");
        wait.until(d -> d.findElements(By.cssSelector("[data-testid='notification-item']")).stream()
                .anyMatch(item -> item.getText().contains(lastName)));
        checkAccessibilityAndShoot("notifications");
        browser.findElements(By.cssSelector("[data-testid='notification-item']")).stream()
                .filter(item -> item.getText().contains("Collected") && item.getText().contains(lastName))
                .findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.urlContains("highlight="));
        WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='transaction-row'][data-highlighted='true']")));
        assertThat(highlighted.getText()).contains("150");
        assertThat(visible("balance-outstanding").getText()).contains("0.00");

        // A report for the period, reopened from the history, with its downloads.
        click("nav-reports");
        setDate(visible("report-from"), "2026-01-01");
        setDate(visible("report-to"), "2026-12-31");
        new Select(visible("report-granularity")).selectByValue("MONTH");
        click("report-generate");
        visible("report-view");
        visible("report-chart-period");
        checkAccessibilityAndShoot("report");
        click("nav-reports");
        visible("report-row");
        assertThat(visible("report-download-pdf").getAttribute("href")).contains("format=pdf");
        assertThat(visible("report-download-csv").getAttribute("href")).contains("format=csv");
        checkAccessibilityAndShoot("reports");
        click("report-open");
        visible("report-view");

        // A second admin.
        click("nav-admin");
        String second = "treasurer-" + suffix;
        click("admin-new");
        WebElement adminDialog = visible("admin-dialog");
        type(adminDialog, "username", second);
        type(adminDialog, "email", second + "@example.com");
        type(adminDialog, "firstName", "Second");
        type(adminDialog, "lastName", "Treasurer");
        type(adminDialog, "password", "Second@1234");
        click("admin-save");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='admin-row'][data-username='" + second + "']")));
        checkAccessibilityAndShoot("administration");

        // The dashboard, then sign out.
        click("nav-dashboard");
        visible("welcome");
        visible("top-debtors");
        checkAccessibilityAndShoot("dashboard");
        click("sign-out");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.get(Stack.get().gatewayUrl() + "/members");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(List.of(browser.getCurrentUrl())).allMatch(url -> url.contains("/realms/finance-tracker/"));
    }
}
