package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.launcher.Net;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.SharedKeycloak;
import app.financetracker.testkit.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sessions that hold and revocation that takes effect at once (DESIGN §4, issue 25, ADR 0014), in headless
 * Chromium against the e2e stack plus a second gateway instance on the same Redis.
 */
@ExtendWith(Stack.class)
class SessionsIT {

    private static final String USER = "sessions-admin";
    private static final String PASSWORD = "Sessions@1234";
    private static final int SECOND_GATEWAY_PORT = SharedKeycloak.GATEWAY_PORT + 10;
    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(2);

    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void admin() {
        Tokens.ensureUser(USER, PASSWORD, List.of("admin"));
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    private WebDriver browser() throws Exception {
        WebDriver browser = Browser.open();
        browsers.add(browser);
        return browser;
    }

    private static String gateway() {
        return Stack.get().gatewayUrl();
    }

    private static Api asAdmin() {
        return Api.at(gateway()).as(Tokens.admin());
    }

    @Test
    void signingOutInOneBrowserLeavesTheOtherWorkingPastItsAccessTokenLifetime() throws Exception {
        WebDriver a = browser();
        WebDriver b = browser();
        Browser.signIn(a, gateway(), USER, PASSWORD);
        Browser.signIn(b, gateway(), USER, PASSWORD);

        b.findElement(By.cssSelector("[data-testid=sign-out]")).click();
        new WebDriverWait(b, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));

        // A's calls go on succeeding for longer than its access token lives: the gateway refreshes A's own tokens.
        Duration pastLifetime = Duration.ofSeconds(SharedKeycloak.GATEWAY_ACCESS_TOKEN_LIFESPAN_S + 5);
        await().during(pastLifetime).atMost(pastLifetime.plusSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Browser.call(a, "GET", "/api/users?size=1", null) == 200);
        b.get(gateway());
        new WebDriverWait(b, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    @Test
    void aSessionIsServedByAnyGatewayAndOutlivesTheGatewayThatMadeIt() throws Exception {
        String second = "http://localhost:" + SECOND_GATEWAY_PORT;
        if (!Net.isOpen("127.0.0.1", SECOND_GATEWAY_PORT)) {
            Stack.get().startAnotherGateway(SECOND_GATEWAY_PORT);
        }
        WebDriver browser = browser();
        Browser.signIn(browser, gateway(), USER, PASSWORD);

        // Same browser, other instance (cookies are per host, not per port): no sign-in, and CSRF holds there too.
        browser.get(second);
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]")));
        assertThat(browser.getCurrentUrl()).startsWith(second);
        assertThat(Browser.call(browser, "POST", "/api/categories", category())).isEqualTo(201);
        assertThat(Browser.call(browser, "POST", "/api/categories", null)).isEqualTo(400);

        long firstPid = Stack.get().process("gateway").pid();
        Stack.get().process("gateway").kill();
        assertThat(Browser.call(browser, "GET", "/api/users?size=1", null)).isEqualTo(200);
        assertThat(Browser.call(browser, "POST", "/api/categories", category())).isEqualTo(201);

        // The first gateway comes back (its supervisor restarts it) and serves the same session: nobody signs in.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                Stack.get().process("gateway").pid() != firstPid
                        && Net.status(gateway() + "/actuator/health/readiness") == 200);
        browser.get(gateway() + "/members");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-members]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway() + "/members");
        assertThat(Browser.call(browser, "POST", "/api/categories", category())).isEqualTo(201);
    }

    @Test
    void keycloakEndingTheSessionEndsTheConsoleSessionThroughTheBackChannel() throws Exception {
        WebDriver browser = browser();
        Browser.signIn(browser, gateway(), USER, PASSWORD);
        assertThat(Browser.call(browser, "GET", "/api/me", null)).isEqualTo(200);

        Tokens.endKeycloakSessions(USER);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Browser.call(browser, "GET", "/api/me", null) == 401);
    }

    /**
     * Calls under way while their session signs out are answered as before or with 401, never with a 5xx. Three
     * rounds: the race it guards against (a save between Spring Session's check and its write) is a matter of timing.
     */
    @RepeatedTest(3)
    void callsRacingASignOutGetTheirAnswerOr401() throws Exception {
        WebDriver browser = browser();
        Browser.signIn(browser, gateway(), USER, PASSWORD);

        @SuppressWarnings("unchecked")
        List<Number> statuses = (List<Number>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[0];
                const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')).substring(11);
                const call = () => fetch('/api/users?size=1', { redirect: 'manual' }).then((r) => r.status, () => -1);
                const before = Array.from({ length: 30 }, call);
                const signOut = fetch('/logout', { method: 'POST', redirect: 'manual',
                  headers: { 'X-XSRF-TOKEN': decodeURIComponent(csrf) } });
                const after = Array.from({ length: 30 }, call);
                Promise.all([...before, ...after]).then((statuses) => signOut.finally(() => done(statuses)));
                """);

        assertThat(statuses).hasSize(60).allSatisfy(status -> assertThat(status.intValue()).isIn(200, 401));
        assertThat(Browser.call(browser, "GET", "/api/users?size=1", null)).isEqualTo(401);
    }

    /**
     * The back-channel endpoint is open to Keycloak, so it must believe only a logout token signed with the realm's
     * keys: a forged or malformed one is a 400 (the OIDC back-channel spec's JSON error) and ends no session.
     */
    @Test
    void aForgedLogoutTokenEndsNoSession() throws Exception {
        WebDriver browser = browser();
        Browser.signIn(browser, gateway(), USER, PASSWORD);
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64("{\"iss\":\"" + Stack.get().keycloakUrl()
                + "/realms/finance-tracker\",\"sub\":\"x\",\"events\":{\"http://schemas.openid.net/event/backchannel-logout\":{}}}") + ".";
        Api backChannel = Api.at(gateway());

        for (String token : List.of("garbage", unsigned, "")) {
            var answer = backChannel.send("POST", "/logout/connect/back-channel/keycloak", "logout_token=" + token,
                    "application/x-www-form-urlencoded");
            assertThat(answer.status()).as(token).isEqualTo(400);
        }
        assertThat(Browser.call(browser, "GET", "/api/me", null)).isEqualTo(200);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The session ends while a form is being typed (here Keycloak ends it, as an operator would): saving sends the
     * person through the Keycloak page and back to the same screen, where the dialog opens again with what they
     * had typed, and the save then goes through.
     */
    @Test
    void anEndedSessionSignsInAgainAndComesBackToTheSameScreenWithTheFormKept() throws Exception {
        WebDriver browser = browser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Browser.signIn(browser, gateway(), USER, PASSWORD);
        browser.get(gateway() + "/members?q=Draft");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=member-new]"))).click();
        String lastName = "Draft" + UUID.randomUUID().toString().substring(0, 6);
        var dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=member-dialog]")));
        dialog.findElement(By.name("firstName")).sendKeys("Louise");
        dialog.findElement(By.name("lastName")).sendKeys(lastName);
        dialog.findElement(By.name("email")).sendKeys(lastName.toLowerCase() + "@example.com");

        Tokens.endKeycloakSessions(USER);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Browser.call(browser, "GET", "/api/me", null) == 401);
        browser.findElement(By.cssSelector("[data-testid=member-save]")).click();

        Browser.enterCredentials(browser, USER, PASSWORD);
        var restored = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=member-dialog]")));
        assertThat(browser.getCurrentUrl()).isEqualTo(gateway() + "/members?q=Draft");
        assertThat(restored.findElement(By.cssSelector("[data-testid=draft-restored]")).isDisplayed()).isTrue();
        assertThat(restored.findElement(By.name("lastName")).getAttribute("value")).isEqualTo(lastName);
        Browser.screenshot(browser, Path.of(System.getProperty("ft.root"), "docs", "screenshots", "session-draft-restored.png"));
        restored.findElement(By.cssSelector("[data-testid=member-save]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=member-dialog]")));
        assertThat(asAdmin().get("/api/users?q=" + lastName).json().at("/page/totalElements").asInt()).isEqualTo(1);
    }

    /**
     * A 401 again right after coming back from the sign-in means the round trip did not help (a browser refusing
     * the cookie, say): the console stops on a "session ended" screen with a way to sign in, rather than loop.
     */
    @Test
    void a401RightAfterComingBackFromTheSignInShowsTheSignedOutScreenInsteadOfLooping() throws Exception {
        WebDriver browser = browser();
        Browser.signIn(browser, gateway(), USER, PASSWORD);
        // As the console itself notes when it leaves for the sign-in (frontend/src/session.ts).
        ((JavascriptExecutor) browser).executeScript(
                "sessionStorage.setItem('finance-tracker.signin-left-at', String(Date.now()))");
        Tokens.endKeycloakSessions(USER);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Browser.call(browser, "GET", "/api/me", null) == 401);

        browser.findElement(By.cssSelector("[data-testid=nav-members]")).click();

        var signedOut = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=signed-out]")));
        assertThat(browser.getCurrentUrl()).startsWith(gateway());
        assertThat(signedOut.findElement(By.cssSelector("[data-testid=sign-in]")).getAttribute("href"))
                .endsWith("/oauth2/authorization/keycloak");
        Browser.screenshot(browser, Path.of(System.getProperty("ft.root"), "docs", "screenshots", "session-ended.png"));
        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.screenshot(browser, Path.of(System.getProperty("ft.root"), "docs", "screenshots", "session-ended-phone.png"));
    }

    /**
     * A signed-in secondary admin is deleted: within 2 s their browser session and their bearer token both get
     * 401. {@code -Drevocation.tries=20} measures the delay over more tries (p50 and max printed).
     */
    @Test
    void aDeletedAdminIsRefusedEverywhereWithinTwoSeconds() throws Exception {
        int tries = Integer.getInteger("revocation.tries", 2);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            String username = "revoked-" + UUID.randomUUID().toString().substring(0, 8);
            String id = createAdmin(username, false);
            WebDriver browser = browser();
            Browser.signIn(browser, gateway(), username, PASSWORD);
            Api bearer = Api.at(gateway()).as(Tokens.password(username, PASSWORD));
            assertThat(bearer.get("/api/me").status()).isEqualTo(200);
            assertThat(Browser.call(browser, "GET", "/api/users?size=1", null)).isEqualTo(200);

            Instant deleted = Instant.now();
            assertThat(asAdmin().delete("/api/admins/" + id).status()).isEqualTo(204);

            Instant[] refused = new Instant[2];
            await().atMost(REVOCATION_DEADLINE).pollInterval(Duration.ofMillis(25)).until(() -> {
                if (refused[0] == null && bearer.get("/api/users?size=1").status() == 401) {
                    refused[0] = Instant.now();
                }
                if (refused[1] == null && Browser.call(browser, "GET", "/api/users?size=1", null) == 401) {
                    refused[1] = Instant.now();
                }
                return refused[0] != null && refused[1] != null;
            });
            assertThat(bearer.get("/api/me").contentType()).startsWith("application/problem+json");
            delays.add(Duration.between(deleted, refused[0].isAfter(refused[1]) ? refused[0] : refused[1]).toMillis());
        }
        List<Long> sorted = delays.stream().sorted().toList();
        System.out.printf("[revocation] %d tries: p50 %d ms, max %d ms (%s)%n", tries, sorted.get((tries - 1) / 2),
                sorted.get(tries - 1), delays);
    }

    @Test
    void aDemotedSuperAdminLosesAdminManagementWithinTwoSeconds() {
        String username = "demoted-" + UUID.randomUUID().toString().substring(0, 8);
        String id = createAdmin(username, true);
        Api before = Api.at(gateway()).as(Tokens.password(username, PASSWORD));
        assertThat(before.get("/api/admins/audit").status()).isEqualTo(200);

        assertThat(asAdmin().put("/api/admins/" + id + "/super-admin", Map.of("superAdmin", false)).status())
                .isEqualTo(200);

        await().atMost(REVOCATION_DEADLINE).pollInterval(Duration.ofMillis(25))
                .until(() -> before.get("/api/admins/audit").status() == 401);
        Api after = Api.at(gateway()).as(Tokens.password(username, PASSWORD));
        assertThat(after.get("/api/me").status()).isEqualTo(200);
        assertThat(after.get("/api/admins/audit").status()).isEqualTo(403);
    }

    private static String createAdmin(String username, boolean superAdmin) {
        var created = asAdmin().post("/api/admins", Map.of("username", username, "email", username + "@example.com",
                "firstName", "Test", "lastName", username, "password", PASSWORD, "superAdmin", superAdmin));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.at("/id");
    }

    private static String category() {
        return "{\"name\":\"Session " + UUID.randomUUID().toString().substring(0, 8) + "\",\"color\":\"#336699\"}";
    }
}
