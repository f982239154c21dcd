package app.financetracker.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class MemberFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;

    private void publish(EventEnvelope event) {
        redis.opsForStream().add(StreamRecords.string(event.toFields()).withStreamKey(Streams.USERS));
    }

    private JsonNode feedEntriesFor(String memberId) {
        var feed = Api.at("http://localhost:" + port).as(Tokens.admin()).get("/api/notifications?size=100");
        assertThat(feed.status()).isEqualTo(200);
        var matching = tools.jackson.databind.json.JsonMapper.builder().build().createArrayNode();
        feed.json().at("/content").forEach(entry -> {
            if (memberId.equals(entry.at("/userId").asString())) {
                matching.add(entry);
            }
        });
        return matching;
    }

    @Test
    void newMemberBecomesOneUnreadNotificationEvenWhenDeliveredTwice() {
        String memberId = UUID.randomUUID().toString();
        var event = EventEnvelope.create(EventTypes.USER_CREATED, memberId, 0,
                EventCodec.write(new UserPayload(memberId, "Lucas", "Dupont", "lucas@example.com")));

        publish(event);
        publish(event);
        String laterMember = UUID.randomUUID().toString();
        publish(EventEnvelope.create(EventTypes.USER_CREATED, laterMember, 0,
                EventCodec.write(new UserPayload(laterMember, "Emma", "Peeters", "emma@example.com"))));

        // Once the later event is in the feed, both copies of the first one have been consumed.
        await().atMost(Duration.ofSeconds(5)).until(() -> feedEntriesFor(laterMember).size() == 1);
        JsonNode entries = feedEntriesFor(memberId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).at("/message").asString()).isEqualTo("New member: Lucas Dupont");
        assertThat(entries.get(0).at("/type").asString()).isEqualTo("UserCreated");
        assertThat(entries.get(0).at("/read").asBoolean()).isFalse();
    }

    @Test
    void eventOfAnUnknownTypeIsIgnoredAndConsumptionGoesOn() {
        String memberId = UUID.randomUUID().toString();
        publish(EventEnvelope.create("UserPromoted", memberId, 1, "{}"));
        String next = UUID.randomUUID().toString();
        publish(EventEnvelope.create(EventTypes.USER_CREATED, next, 0,
                EventCodec.write(new UserPayload(next, "Noah", "Janssens", "noah@example.com"))));

        await().atMost(Duration.ofSeconds(5)).until(() -> feedEntriesFor(next).size() == 1);
        assertThat(feedEntriesFor(memberId)).isEmpty();
    }
}
