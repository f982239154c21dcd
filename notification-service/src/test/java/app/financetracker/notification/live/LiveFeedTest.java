package app.financetracker.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventTypes;
import app.financetracker.notification.NotificationServiceApplication;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.Infra;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.SseClient;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.TestInfrastructure;
import app.financetracker.testkit.Tokens;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The live feed over Server-Sent Events: fast, resumable, and fanned out across instances. */
@ServiceIntegrationTest
class LiveFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    String token;

    @BeforeEach
    void setUp() {
        token = Tokens.admin();
    }

    private String stream(int port) {
        return "http://localhost:" + port + "/api/notifications/stream";
    }

    private void publishTransaction(String transactionId) {
        TestEvents.publishTransaction(redis, TestEvents.transaction(EventTypes.TRANSACTION_CREATED, transactionId, 0,
                UUID.randomUUID().toString(), "Live Member", "DEBT", "42", null, null, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void aNewTransactionReachesAnOpenStreamWithinOneSecond() {
        try (SseClient client = SseClient.connect(stream(port), token, null)) {
            String transactionId = UUID.randomUUID().toString();
            Instant published = Instant.now();
            publishTransaction(transactionId);

            SseClient.Event event = client.await(e -> e.data().contains(transactionId), Duration.ofSeconds(5));

            assertThat(event.name()).isEqualTo("notification");
            assertThat(event.id()).isNotBlank();
            assertThat(event.data()).contains("Debt of €42.00 recorded for Live Member");
            assertThat(Duration.between(published, event.receivedAt())).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aReconnectingBrowserGetsWhatItMissed() {
        String first = UUID.randomUUID().toString();
        String lastSeen;
        try (SseClient client = SseClient.connect(stream(port), token, null)) {
            publishTransaction(first);
            lastSeen = client.await(e -> e.data().contains(first), Duration.ofSeconds(5)).id();
        }
        String missed = UUID.randomUUID().toString();
        publishTransaction(missed);
        Api admin = Api.at("http://localhost:" + port).as(token);
        await().atMost(Duration.ofSeconds(5)).until(() -> admin.get("/api/notifications?size=100").body().contains(missed));

        try (SseClient client = SseClient.connect(stream(port), token, lastSeen)) {
            assertThat(client.await(e -> e.data().contains(missed), Duration.ofSeconds(5)).name()).isEqualTo("notification");
        }
    }

    @Test
    void everyInstanceDeliversEveryNotificationToItsOwnBrowsers() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new TestInfrastructure()).run("--server.port=0")) {
            int secondPort = second.getEnvironment().getProperty("local.server.port", Integer.class);
            try (SseClient onFirst = SseClient.connect(stream(port), token, null);
                 SseClient onSecond = SseClient.connect(stream(secondPort), token, null)) {
                for (int i = 0; i < 5; i++) {
                    String transactionId = UUID.randomUUID().toString();
                    publishTransaction(transactionId);
                    onFirst.await(e -> e.data().contains(transactionId), Duration.ofSeconds(5));
                    onSecond.await(e -> e.data().contains(transactionId), Duration.ofSeconds(5));
                }
            }
        }
    }

    @Test
    void anInstanceStopsListeningWhenItsContextCloses() {
        long before = channelSubscribers();
        ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new TestInfrastructure()).run("--server.port=0");
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> channelSubscribers() == before + 1);
        } finally {
            second.close();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> channelSubscribers() == before);
    }

    /** PUBSUB NUMSUB: how many connections listen on the live channel, over every instance. */
    private static long channelSubscribers() {
        RedisClient client = RedisClient.create(RedisURI.create(Infra.get().redisHost(), Infra.get().redisPort()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().pubsubNumsub(LiveFeed.CHANNEL).getOrDefault(LiveFeed.CHANNEL, 0L);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theStreamNeedsAnAdmin() {
        try (SseClient anonymous = SseClient.connect(stream(port), "garbage", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }
}
