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

    @Test
    void aCategoryRenameReachesEveryTransactionAndReportsWithoutAFeedEntryPerTransaction() {
        Api admin = Api.at(Stack.get().gatewayUrl()).as(Tokens.admin());
        String id = admin.post("/api/users", Map.of("firstName", "Emma", "lastName", "Lejeune",
                "email", "emma-" + UUID.randomUUID() + "@example.com")).at("/id");
        String category = admin.post("/api/categories", Map.of("name", "Hike " + UUID.randomUUID())).at("/id");
        await().atMost(Duration.ofSeconds(5)).until(() -> post(admin, id, "RECEIVABLE", "10", category) == 201);
        for (int i = 1; i < 30; i++) {
            assertThat(post(admin, id, "RECEIVABLE", "10", category)).isEqualTo(201);
        }
        String newName = "Great hike " + UUID.randomUUID();

        assertThat(admin.put("/api/categories/" + category, Map.of("name", newName, "version", 0)).status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var shown = admin.get("/api/transactions?size=100&categoryId=" + category).json().at("/content");
            assertThat(shown.findValuesAsString("categoryName")).hasSize(30).containsOnly(newName);
            var report = admin.post("/api/reports", Map.of("from", "2026-03-14", "to", "2026-03-14",
                    "granularity", "DAY", "categoryId", category));
            assertThat(report.json().at("/categoryName").asString()).isEqualTo(newName);
            assertThat(report.json().at("/byCategory/0/categoryName").asString()).isEqualTo(newName);
            assertThat(report.json().at("/totals/count").asLong()).isEqualTo(30);
        });
        // One transaction edited after the rename: once its notice is in the feed, any the rename raised would be.
        var first = admin.get("/api/transactions?size=1&categoryId=" + category).json().at("/content/0");
        assertThat(admin.put("/api/transactions/" + first.at("/id").asString(), Map.of("userId", id,
                "type", "RECEIVABLE", "amount", "11", "date", "2026-03-14", "categoryId", category,
                "version", first.at("/version").asLong())).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(changedInFeed(admin, id)).isEqualTo(1));
    }

    /** How many "transaction changed" notices about the member's transactions the feed holds. */
    private static long changedInFeed(Api admin, String memberId) {
        var feed = admin.get("/api/notifications?size=100").json().at("/content");
        long changed = 0;
        for (var notification : feed) {
            if (memberId.equals(notification.at("/userId").asString())
                    && "TransactionUpdated".equals(notification.at("/type").asString())) {
                changed++;
            }
        }
        return changed;
    }

    private static int post(Api admin, String userId, String type, String amount, String category) {
        return admin.post("/api/transactions", Map.of("userId", userId, "type", type, "amount", amount,
                "date", "2026-03-14", "categoryId", category)).status();
    }
}
