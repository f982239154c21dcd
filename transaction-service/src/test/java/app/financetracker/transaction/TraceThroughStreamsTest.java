package app.financetracker.transaction;

import static app.financetracker.transaction.TransactionTestSupport.create;
import static app.financetracker.transaction.TransactionTestSupport.knownMember;
import static app.financetracker.transaction.TransactionTestSupport.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.Subscription;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.TestEvents;
import app.financetracker.testkit.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One trace from a request through the streams (ADR 0015), as an operator reads it: the trace id the caller sent is
 * the one in the event on the stream and in the log lines of the consumer that handles it. The consumer beside the
 * producer here is a stand-in for the other services on {@code events:transactions}; {@code events:users} is
 * consumed by this service's own member directory.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@Import(TraceThroughStreamsTest.Downstream.class)
class TraceThroughStreamsTest {

    static final Logger log = LoggerFactory.getLogger(TraceThroughStreamsTest.class);

    /** Consumes {@code events:transactions} through the service kit, as report- and user-service do, and logs it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Downstream {
        @Bean
        StreamEventHandler<TransactionPayload> downstreamConsumer() {
            return StreamEventHandler.of(Subscription.to(Streams.TRANSACTIONS, EventTypes.TRANSACTION_EVENTS,
                    TransactionPayload.class), (event, transaction) ->
                    log.info("Downstream consumer booked event {}", event.eventId()));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MongoTemplate mongo;

    private EventEnvelope onlyEvent(String aggregateId, String type) {
        List<EventEnvelope> events = TestEvents.eventsOf(redis, Streams.TRANSACTIONS, aggregateId).stream()
                .filter(event -> event.type().equals(type)).toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The consumer's log line for the event, once it is written. */
    private static String consumerLine(CapturedOutput output, EventEnvelope event) {
        return output.getOut().lines().filter(line -> line.contains("Downstream consumer booked event " + event.eventId()))
                .findFirst().orElse(null);
    }

    @Test
    void theTraceOfAPostRunsIntoTheEventAndTheLogsOfItsConsumer(CapturedOutput output) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String member = knownMember(redis, mongo, "Trace", "Able");
        Api caller = Api.at("http://localhost:" + port).as(Tokens.admin())
                .with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        String id = create(caller, transaction(member, "RECEIVABLE", 12.5, "2026-04-01"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestEvents.eventsOf(redis, Streams.TRANSACTIONS, id)).isNotEmpty());
        EventEnvelope event = onlyEvent(id, EventTypes.TRANSACTION_CREATED);
        // The request's own span (a child of the caller's) is the event's parent.
        assertThat(event.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("00f067aa0ba902b7");
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerLine(output, event) != null);
        assertThat(consumerLine(output, event)).contains("[" + traceId + ",");
    }

    @Test
    void aConsumerContinuesTheTraceOfTheEventItHandlesIntoTheEventsItRaises(CapturedOutput output) {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String member = knownMember(redis, mongo, "Gone", "Soon");
        String id = create(Api.at("http://localhost:" + port).as(Tokens.admin()),
                transaction(member, "DEBT", 7, "2026-04-02"));
        EventEnvelope deleted = TestEvents.member(EventTypes.USER_DELETED, member, 1, "Gone", "Soon");

        // As user-service publishes it: in the trace of the DELETE /api/users/{id} that caused it.
        TestEvents.publish(redis, Streams.USERS, new EventEnvelope(deleted.eventId(), deleted.type(),
                deleted.aggregateId(), deleted.aggregateVersion(), deleted.occurredAt(), deleted.payload(),
                deleted.entityId(), "00-" + traceId + "-b7ad6b7169203331-01"));

        // The member directory takes the member's transactions along, in the same trace.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                TestEvents.eventsOf(redis, Streams.TRANSACTIONS, id)).extracting(EventEnvelope::type)
                .contains(EventTypes.TRANSACTION_DELETED));
        EventEnvelope tombstone = onlyEvent(id, EventTypes.TRANSACTION_DELETED);
        assertThat(tombstone.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain("b7ad6b7169203331");
        await().atMost(Duration.ofSeconds(10)).until(() -> consumerLine(output, tombstone) != null);
        assertThat(consumerLine(output, tombstone)).contains("[" + traceId + ",");
    }
}
