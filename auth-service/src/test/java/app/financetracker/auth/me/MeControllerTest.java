package app.financetracker.auth.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.financetracker.auth.TestNames;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class MeControllerTest {

    @LocalServerPort
    int port;

    private Api api() {
        return Api.at("http://localhost:" + port);
    }

    /** A fresh admin of its own, so that changing its profile or password touches nobody else's. */
    private String freshAdmin(String username, String password) {
        Tokens.ensureUser(username, password, List.of("admin"));
        return Tokens.password(username, password);
    }

    @Test
    void describesTheSignedInAdmin() {
        var me = api().as(Tokens.admin()).get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/username")).isEqualTo("admin");
        assertThat(me.at("/email")).isEqualTo("admin@example.com");
        assertThat(me.at("/firstName")).isEqualTo("Default");
        assertThat(me.json().at("/roles").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("admin", "super-admin", "platform-admin");
    }

    @Test
    void withoutATokenIsA401Problem() {
        var me = api().get("/api/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void updatesTheProfileAndShowsItAtOnceAndInTheAuditTrail() {
        String username = TestNames.unique("profile");
        String token = freshAdmin(username, "Profile@1234");

        var updated = api().as(token).put("/api/me", Map.of("firstName", "Renée", "lastName", "Lambert",
                "email", username + "@changed.example.org"));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.at("/firstName")).isEqualTo("Renée");
        // The token still carries the old names; the profile comes from Keycloak.
        var me = api().as(token).get("/api/me");
        assertThat(me.at("/lastName")).isEqualTo("Lambert");
        assertThat(me.at("/email")).isEqualTo(username + "@changed.example.org");
        var audit = api().as(Tokens.admin()).get("/api/admins/audit?targetId=" + me.at("/id"));
        assertThat(audit.at("/content/0/action")).isEqualTo("PROFILE_CHANGED");
        assertThat(audit.at("/content/0/actor")).isEqualTo(username);
        assertThat(audit.json().at("/content/0/details/changed").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("firstName", "lastName", "email");
    }

    @Test
    void anEmailThatAnotherAccountUsesIsA409() {
        String token = freshAdmin(TestNames.unique("taken"), "Taken@1234");

        var taken = api().as(token).put("/api/me", Map.of("firstName", "A", "lastName", "B",
                "email", "admin@example.com"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.contentType()).startsWith("application/problem+json");
        assertThat(taken.at("/errors/0/field")).isEqualTo("email");
    }

    @Test
    void anInvalidProfileIsA400WithFieldErrors() {
        var invalid = api().as(Tokens.admin()).put("/api/me", Map.of("firstName", "A", "email", "not-an-address"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors").valueStream().map(error -> error.at("/field").asString()))
                .containsExactlyInAnyOrder("email", "lastName");
    }

    @Test
    void afterAPasswordChangeTheOldPasswordFailsAndTheNewOneWorks() {
        String username = TestNames.unique("password");
        String token = freshAdmin(username, "Before@1234");

        var changed = api().as(token).put("/api/me/password",
                Map.of("currentPassword", "Before@1234", "newPassword", "After@56789"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThatThrownBy(() -> Tokens.password(username, "Before@1234")).hasMessageContaining("invalid_grant");
        String fresh = Tokens.password(username, "After@56789");
        String id = api().as(fresh).get("/api/me").at("/id");
        var audit = api().as(Tokens.admin()).get("/api/admins/audit?targetId=" + id);
        assertThat(audit.at("/content/0/action")).isEqualTo("PASSWORD_CHANGED");
    }

    @Test
    void aPasswordThatBreaksTheRealmPolicyIsA400OnNewPassword() {
        String username = TestNames.unique("weak");
        String token = freshAdmin(username, "Strong@1234");

        var weak = api().as(token).put("/api/me/password",
                Map.of("currentPassword", "Strong@1234", "newPassword", "longenough1"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.at("/errors/0/field")).isEqualTo("newPassword");
        assertThat(weak.at("/errors/0/message")).isEqualTo("must contain at least one capital letter");
        var inFrench = api().as(token).with("Accept-Language", "fr-BE,fr;q=0.9").put("/api/me/password",
                Map.of("currentPassword", "Strong@1234", "newPassword", "longenough1"));
        assertThat(inFrench.at("/errors/0/message")).isEqualTo("doit contenir au moins une majuscule");
        Tokens.password(username, "Strong@1234"); // unchanged
    }

    @Test
    void theChosenLanguageIsKeptWithTheAccount() {
        String token = freshAdmin(TestNames.unique("language"), "Language@1234");
        JsonNode none = api().as(token).get("/api/me").json().at("/language");
        assertThat(none.isNull() || none.isMissingNode()).as("no language before one is chosen").isTrue();

        var chosen = api().as(token).put("/api/me/language", Map.of("language", "nl"));

        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(204);
        assertThat(api().as(token).get("/api/me").at("/language")).isEqualTo("nl");
    }

    @Test
    void aLanguageTheProductDoesNotSpeakIsA400InTheCallersLanguage() {
        var german = api().as(Tokens.admin()).with("Accept-Language", "nl-BE")
                .put("/api/me/language", Map.of("language", "de"));

        assertThat(german.status()).isEqualTo(400);
        assertThat(german.at("/errors/0/field")).isEqualTo("language");
        assertThat(german.at("/errors/0/message")).isEqualTo("moet fr, nl of en zijn");
    }

    @Test
    void aWrongCurrentPasswordIsA400OnCurrentPassword() {
        String username = TestNames.unique("wrong");
        String token = freshAdmin(username, "Right@1234");

        var wrong = api().as(token).put("/api/me/password",
                Map.of("currentPassword", "Wrong@1234", "newPassword", "Other@1234"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.at("/errors/0/field")).isEqualTo("currentPassword");
        Tokens.password(username, "Right@1234");
    }

    @Test
    void missingPasswordsAreFieldErrors() {
        var missing = api().as(Tokens.admin()).put("/api/me/password", Map.of("newPassword", ""));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors").valueStream().map(error -> error.at("/field").asString()))
                .contains("currentPassword", "newPassword");
    }
}
