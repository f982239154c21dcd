package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Organisations in the console (issue 17), in headless Chromium against the whole stack: the operator creates a
 * scout unit and is shown its first super-admin's temporary password once; a treasurer of two units switches
 * between them and sees each one's members only; the unit's settings refuse an IBAN whose check digits are wrong
 * and keep a right one. Each screen is checked with axe-core and saved under docs/screenshots.
 */
class ConsoleEntitiesIT extends ConsoleTest {

    private static final String PASSWORD = "Treasurer@123";

    @Test
    void theOperatorCreatesAUnitAndSeesItsFirstPasswordOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        signIn(Tokens.ADMIN, Tokens.ADMIN_PASSWORD);

        click("nav-organisations");
        WebElement form = visible("entity-form");
        type(form, "name", "Unité Saint-Georges " + suffix);
        type(form, "slug", "saint-georges-" + suffix);
        type(form, "username", "chef-" + suffix);
        type(form, "email", "chef-" + suffix + "@example.com");
        type(form, "firstName", "Chloé");
        type(form, "lastName", "Lambert");
        click("entity-save");

        assertThat(visible("entity-temporary-password").getText()).isNotBlank();
        checkAccessibilityAndShoot("organisations");
    }

    @Test
    void aTreasurerOfTwoUnitsSwitchesBetweenThemAndKeepsEachUnitsSettings() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api operator = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin());
        String other = operator.post("/api/entities", Map.of("name", "Unité Sainte-Claire " + suffix,
                "slug", "sainte-claire-" + suffix, "firstAdmin", Map.of("username", "claire-" + suffix,
                        "email", "claire-" + suffix + "@example.com", "firstName", "Claire", "lastName", "Dubois",
                        "password", PASSWORD))).at("/id");
        String treasurer = "treasurer-" + suffix;
        Tokens.ensureUser(treasurer, PASSWORD, Map.of(Tokens.DEFAULT_ENTITY, "admin", other, "super-admin"));
        Api inOther = Api.at(Stack.get().gatewayUrl()).as(Tokens.password(treasurer, PASSWORD))
                .with("X-Entity", other);
        assertThat(inOther.post("/api/users", Map.of("firstName", "Noé", "lastName", "Claire-" + suffix,
                "email", "noe-" + suffix + "@example.com")).status()).isEqualTo(201);

        signIn(treasurer, PASSWORD);
        Select switcher = new Select(visible("entity-switch"));
        assertThat(switcher.getOptions()).hasSize(2);
        switcher.selectByValue(Tokens.DEFAULT_ENTITY);
        click("nav-members");
        visible("member-search").sendKeys("Claire-" + suffix);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "No member matches"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Noé");

        new Select(visible("entity-switch")).selectByValue(other);
        click("nav-members");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Noé"));
        checkAccessibilityAndShoot("entity-switcher");

        click("nav-settings");
        WebElement settings = visible("settings-form");
        type(settings, "iban", "BE00 5390 0754 7035");
        click("settings-save");
        assertThat(visible("error-iban").getText()).isNotBlank();
        checkAccessibilityAndShoot("entity-settings");

        type(settings, "iban", "be68 5390 0754 7034");
        type(settings, "bic", "GKCCBEBB");
        type(settings, "beneficiary", "Unité Sainte-Claire");
        click("settings-save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid='error-iban']")));
        wait.until(driver -> "BE68539007547034".equals(inOther.get("/api/entities/" + other + "/settings")
                .at("/iban")));

        // In French, at a phone's width: the header, the switcher and the settings fit without sideways scrolling.
        new Select(visible("language-switch")).selectByValue("fr");
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "IBAN"));
        assertThat(visible("settings-save").getText()).isEqualTo("Enregistrer");
        long overflow = (Long) script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("pixels to scroll sideways at 390 px").isLessThanOrEqualTo(0);
        checkAccessibilityAndShoot("entity-settings-fr-phone");

        // In Dutch, still on a phone: a service's refusal reads in Dutch too.
        new Select(visible("language-switch")).selectByValue("nl");
        click("nav-members");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Noé"));
        click("member-new");
        WebElement member = visible("member-dialog");
        type(member, "firstName", "Lotte");
        type(member, "lastName", "Peeters-" + suffix);
        type(member, "email", "lotte-" + suffix + "@example.com");
        type(member, "phone", "0471 23 45 67");
        click("member-save");
        assertThat(visible("error-phone").getText())
                .isEqualTo("moet in internationale vorm zijn, bijvoorbeeld +32471234567");
        checkAccessibilityAndShoot("member-dialog-nl-phone");
    }
}
