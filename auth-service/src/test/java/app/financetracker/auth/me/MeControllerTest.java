package app.financetracker.auth.me;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ServiceIntegrationTest
class MeControllerTest {

    @LocalServerPort
    int port;

    @Test
    void describesTheSignedInAdminFromTheirToken() {
        var me = Api.at("http://localhost:" + port).as(Tokens.admin()).get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/username")).isEqualTo("admin");
        assertThat(me.at("/email")).isEqualTo("admin@example.com");
        assertThat(me.json().at("/roles").valueStream().map(n -> n.asString()))
                .containsExactlyInAnyOrder("admin", "super-admin");
    }

    @Test
    void withoutATokenIsA401Problem() {
        var me = Api.at("http://localhost:" + port).get("/api/me");

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
    }
}
