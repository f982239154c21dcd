package app.financetracker.user.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.Streams;
import app.financetracker.events.UserPayload;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

@ServiceIntegrationTest
class MemberApiTest {

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MemberRepository members;

    Api api;

    @BeforeEach
    void setUp() {
        api = Api.at("http://localhost:" + port);
    }

    private static Map<String, Object> lucas(String email) {
        return Map.of("firstName", "Lucas", "lastName", "Dupont", "email", email, "phone", "+32471234567");
    }

    @Test
    void anonymousCallerGetsAProblem401() {
        var response = api.get("/api/users");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.at("/status")).isEqualTo("401");
    }

    @Test
    void garbageBearerGets401() {
        assertThat(api.as("not-a-jwt").get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutTheAdminRoleGets403() {
        var response = api.as(Tokens.withoutRole()).get("/api/users");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void createdMemberIsListedAndPublishedOnceOnTheUsersStream() {
        var admin = api.as(Tokens.admin());

        var created = admin.post("/api/users", lucas("Lucas.Dupont@Example.com"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/users/" + id);
        assertThat(created.at("/email")).isEqualTo("lucas.dupont@example.com");
        assertThat(created.json().at("/balance/outstanding").decimalValue()).isZero();
        assertThat(admin.get("/api/users/" + id).at("/lastName")).isEqualTo("Dupont");
        assertThat(admin.get("/api/users?size=100").json().at("/content").findValuesAsString("id")).contains(id);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(id);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo("UserCreated");
                assertThat(EventCodec.read(event, UserPayload.class).displayName()).isEqualTo("Lucas Dupont");
            });
            assertThat(members.findById(id).orElseThrow().outbox).isEmpty();
        });
    }

    @Test
    void invalidMemberIsRefusedWithFieldErrorsAndNothingStored() {
        long before = members.count();

        var response = api.as(Tokens.admin()).post("/api/users",
                Map.of("firstName", "", "lastName", "Dupont", "email", "not-an-email", "phone", "0471"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("firstName", "email", "phone");
        assertThat(members.count()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400Problem() {
        var response = api.as(Tokens.admin()).send("POST", "/api/users", "{\"firstName\": \"Lu", "application/json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void duplicateEmailIsAConflict() {
        var admin = api.as(Tokens.admin());
        assertThat(admin.post("/api/users", lucas("twice@example.com")).status()).isEqualTo(201);

        var second = admin.post("/api/users", lucas("TWICE@example.com"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownMemberIsA404Problem() {
        var response = api.as(Tokens.admin()).get("/api/users/nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private List<EventEnvelope> eventsOf(String memberId) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(Streams.USERS, Range.unbounded());
        return records.stream()
                .map(record -> EventEnvelope.fromFields(toStrings(record.getValue())))
                .filter(event -> event.aggregateId().equals(memberId))
                .toList();
    }

    private static Map<String, String> toStrings(Map<Object, Object> fields) {
        return fields.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())));
    }
}
