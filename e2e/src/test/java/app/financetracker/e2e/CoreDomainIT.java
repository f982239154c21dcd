package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.SseClient;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Members, transactions, balances and the live feed, across every service, through the gateway. */
@ExtendWith(Stack.class)
class CoreDomainIT {

    @Test
    void theSeedsExampleMemberOwesNothingAndTheFeedFollowsLive() {
        String token = Tokens.admin();
        Api admin = Api.at(Stack.get().gatewayUrl()).as(token);
        var member = admin.post("/api/users", Map.of("firstName", "Lucas", "lastName", "Dupont",
                "email", "lucas-" + UUID.randomUUID() + "@example.com", "phone", "+32471234567"));
        assertThat(member.status()).isEqualTo(201);
        String id = member.at("/id");
        String category = admin.post("/api/categories", Map.of("name", "Camp " + UUID.randomUUID(), "color", "#2e7d32"))
                .at("/id");

        try (SseClient feed = SseClient.connect(Stack.get().gatewayUrl() + "/api/notifications/stream", token, null)) {
            // The transaction service learns about the member from events:users.
            await().atMost(Duration.ofSeconds(5)).until(() -> post(admin, id, "RECEIVABLE", "300", category) == 201);
            assertThat(post(admin, id, "DEBT", "150", category)).isEqualTo(201);
            assertThat(post(admin, id, "COLLECTED", "150", category)).isEqualTo(201);

            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                var balance = admin.get("/api/users/" + id).json().at("/balance");
                assertThat(balance.at("/receivables").decimalValue()).isEqualByComparingTo("300");
                assertThat(balance.at("/debts").decimalValue()).isEqualByComparingTo("150");
                assertThat(balance.at("/collected").decimalValue()).isEqualByComparingTo("150");
                assertThat(balance.at("/outstanding").decimalValue()).isEqualByComparingTo("0");
            });
            feed.await(e -> e.data().contains("Collected money of €150.00 recorded for Lucas Dupont"),
                    Duration.ofSeconds(5));
        }
        var global = admin.get("/api/transactions?userId=" + id + "&categoryId=" + category + "&sort=amount,desc");
        assertThat(global.json().at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(global.json().at("/content/0/userName").asString()).isEqualTo("Lucas Dupont");

        assertThat(admin.delete("/api/users/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/transactions?userId=" + id)
                .json().at("/page/totalElements").asLong() == 0);
    }

    private static int post(Api admin, String userId, String type, String amount, String category) {
        return admin.post("/api/transactions", Map.of("userId", userId, "type", type, "amount", amount,
                "date", "2026-03-14", "categoryId", category)).status();
    }
}
