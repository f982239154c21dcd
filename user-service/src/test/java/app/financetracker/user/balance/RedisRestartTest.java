package app.financetracker.user.balance;

import static app.financetracker.testkit.TestEvents.publishTransaction;
import static app.financetracker.testkit.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventTypes;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Infra;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Consumption survives Redis restarting mid-stream, and nothing published before or after is lost. */
@ServiceIntegrationTest
class RedisRestartTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void balancesAreExactAcrossARedisRestart() {
        Api admin = Api.at("http://localhost:" + port).as(Tokens.admin());
        String member = admin.post("/api/users", Map.of("firstName", "Redis", "lastName", "Restart",
                "email", "restart-" + UUID.randomUUID() + "@example.com")).at("/id");
        for (int i = 0; i < 50; i++) {
            publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, UUID.randomUUID().toString(), 0,
                    member, "RECEIVABLE", "1.00"));
        }

        Infra.get().restartRedis();
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> "PONG".equals(
                redis.execute((org.springframework.data.redis.core.RedisCallback<String>) c -> c.ping())));
        for (int i = 0; i < 50; i++) {
            publishTransaction(redis, transaction(EventTypes.TRANSACTION_CREATED, UUID.randomUUID().toString(), 0,
                    member, "RECEIVABLE", "1.00"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.get("/api/users/" + member)
                .json().at("/balance/receivables").decimalValue()).isEqualByComparingTo("100"));
    }
}
