package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * Every screen of the console in each of its languages, at a desk's width and at a phone's (390×844): the page
 * speaks the account's language (kept across reloads), a French or Dutch page shows no English, nothing scrolls
 * sideways, and axe-core finds no serious or critical violation. The French screens are saved as screenshots.
 */
class ConsoleLanguagesIT extends ConsoleTest {

    private static final String PASSWORD = "Treasurer@123";
    /** Words of the English console that neither its French nor its Dutch texts use. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Members|Amount|Outstanding|Edit|Delete|Search|"
            + "Settings|Reports|Welcome|Save|Sign out|Dashboard|Categories|Generate|Something went wrong|Previous|"
            + "Next|Balance|Collected|Receivable|Debts?|Administrators|Password|Unread|must|invalid)\\b");
    /** A period as the API names it ("2026-11", "2026-W47"), which no reader should have to decode. */
    private static final Pattern RAW_PERIOD = Pattern.compile("\\b\\d{4}-(W\\d{2}|\\d{2})\\b(?!-)");

    /** A screen: where it is, what shows once its data is in (test ids), and what a person does there first. */
    private record Screen(String name, String path, String ready, Opening opening) {

        Screen(String name, String path, String ready) {
            this(name, path, ready, null);
        }
    }

    /** What a person opens on a screen before looking at it: a button, what it shows, whether only on a phone. */
    private record Opening(String button, String shows, boolean phoneOnly) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fr", "nl", "en"})
    void everyScreenSpeaksTheAccountsLanguageAndFitsAPhone(String language) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String user = "tour-" + language + "-" + suffix;
        // A unit of its own, so that only this tour's data shows.
        String unit = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin()).post("/api/entities", Map.of(
                "name", "Unité Saint-Luc " + suffix, "slug", "saint-luc-" + suffix, "firstAdmin", Map.of(
                        "username", "luc-" + suffix, "email", "luc-" + suffix + "@example.com",
                        "firstName", "Luc", "lastName", "Janssens", "password", PASSWORD))).at("/id");
        Tokens.ensureUser(user, PASSWORD, Map.of(unit, "super-admin"));
        Tokens.grantRealmRole(user, "platform-admin");
        Api api = Api.at(Stack.get().gatewayUrl()).as(Tokens.password(user, PASSWORD)).with("X-Entity", unit);
        // In a section: the members list then shows its section filter too.
        String member = api.post("/api/users", Map.of("firstName", "Lucas", "lastName", "Peeters-" + suffix,
                "email", "lucas-" + suffix + "@example.com", "tags", List.of("Louveteaux"))).at("/id");
        String category = api.post("/api/categories", Map.of("name", "Camp " + suffix, "color", "#2a9d8f")).at("/id");
        // The transaction service learns about the member from events:users.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.post("/api/transactions", Map.of("userId", member,
                "type", "RECEIVABLE", "amount", "120.50", "date", "2026-11-14", "categoryId", category,
                "description", "Camp " + suffix)).status() == 201);
        String report = api.post("/api/reports", Map.of("from", "2026-01-01", "to", "2026-12-31",
                "granularity", "MONTH")).at("/id");

        signIn(user, PASSWORD);
        new Select(visible("language-switch")).selectByValue(language);
        wait.until(driver -> language.equals(script("return document.documentElement.lang;")));

        List<Screen> screens = List.of(
                new Screen("dashboard", "/", "top-debtors"),
                new Screen("notifications", "/", "top-debtors",
                        new Opening("notification-bell", "notification-item", false)),
                new Screen("members", "/members", "member-row member-section"),
                new Screen("member-profile", "/members/" + member, "transaction-row"),
                new Screen("transactions", "/transactions", "transaction-row",
                        new Opening("filters-toggle", "filter-type", true)),
                new Screen("categories", "/categories", "category-row"),
                new Screen("reports", "/reports", "report-row"),
                new Screen("report", "/reports/" + report, "report-chart-period"),
                new Screen("administration", "/admin", "admin-row"),
                new Screen("settings", "/settings", "settings-form"),
                new Screen("organisations", "/organisations", "entity-row"));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            boolean phone = size.getWidth() < 640;
            for (Screen screen : screens) {
                String where = screen.name() + " in " + language + " at " + size.getWidth() + " px";
                browser.get(Stack.get().gatewayUrl() + screen.path());
                for (String ready : screen.ready().split(" ")) {
                    visible(ready);
                }
                Opening opening = screen.opening();
                if (opening != null && (phone || !opening.phoneOnly())) {
                    visible(opening.button()).click();
                    visible(opening.shows());
                }
                assertThat(script("return document.documentElement.lang;")).as(where).isEqualTo(language);
                String text = (String) script("return document.body.innerText;");
                assertThat(RAW_PERIOD.matcher(text).results().map(m -> m.group()).toList())
                        .as("periods to decode on " + where).isEmpty();
                if (!"en".equals(language)) {
                    assertThat(ENGLISH.matcher(text).results().map(m -> m.group()).toList())
                            .as("English words on " + where).isEmpty();
                }
                long overflow = (Long) script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as("pixels to scroll sideways on " + where).isLessThanOrEqualTo(0);
                Axe.assertNoSeriousViolations(browser, where);
                if ("fr".equals(language)) {
                    Browser.screenshot(browser, SCREENSHOTS.resolve(
                            "fr-" + (phone ? "phone-" : "") + screen.name() + ".png"));
                }
            }
        }
    }
}
