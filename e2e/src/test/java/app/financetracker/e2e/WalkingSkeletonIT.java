package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.launcher.LocalStack;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "done when" of the walking skeleton, through the gateway of a stack started as ./run.sh does. */
@ExtendWith(Stack.class)
class WalkingSkeletonIT {

    private Api gateway() {
        return Api.at(Stack.get().gatewayUrl());
    }

    @Test
    void cliTokenGetsTheSignedInAdminThroughTheGateway() {
        var me = gateway().as(Tokens.admin()).get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.at("/username")).isEqualTo("admin");
    }

    /** What a monitor reads: every part UP (Mongo's check included, which the embedded server once failed). */
    @Test
    void everyServiceReportsItselfHealthy() {
        for (String service : LocalStack.SERVICES.keySet()) {
            var health = Api.at(Stack.get().serviceUrl(service)).get("/actuator/health");

            assertThat(health.status()).as(service).isEqualTo(200);
            assertThat(health.at("/status")).as(service).isEqualTo("UP");
        }
    }

    @Test
    void apiWithoutValidCredentialsIsA401Problem() {
        var anonymous = gateway().get("/api/users");
        var garbage = gateway().as("garbage").get("/api/users");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void newMemberShowsUpOnceInTheFeedWithinThreeSeconds() {
        var admin = gateway().as(Tokens.admin());
        String email = "member-" + UUID.randomUUID() + "@example.com";

        var created = admin.post("/api/users", Map.of("firstName", "Lucas", "lastName", "Dupont", "email", email));

        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var feed = admin.get("/api/notifications?size=100");
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.json().at("/content").findValuesAsString("userId")).containsOnlyOnce(id);
        });
    }
}
