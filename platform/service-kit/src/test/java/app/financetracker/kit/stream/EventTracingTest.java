package app.financetracker.kit.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.financetracker.events.EventEnvelope;
import app.financetracker.kit.EventingAutoConfiguration;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The trace context that events carry (ADR 0015), with Boot's own tracing auto-configuration as the services run it:
 * a new event takes the current span's W3C traceparent, and a consumer continues the event's trace.
 */
class EventTracingTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT_SPAN = "00f067aa0ba902b7";

    final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
                    EventingAutoConfiguration.class))
            .withPropertyValues("spring.application.name=tracing-test", "management.tracing.sampling.probability=1.0");

    static EventEnvelope event(String traceparent) {
        return EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "UserCreated", "m1", 0, "{}", traceparent);
    }

    @Test
    void anEventCreatedDuringARequestCarriesTheRequestsTrace() {
        services.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            Span request = tracer.nextSpan().name("http post /api/users").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
                assertThat(EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "UserCreated", "m1", 0, "{}").traceparent())
                        .isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01")
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
            } finally {
                request.end();
            }
            assertThat(EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "UserCreated", "m1", 0, "{}").traceparent()).as("outside a trace").isNull();
        });
    }

    @Test
    void theSamplingPropertyDecidesTheFlagOfNewTraces() {
        services.withPropertyValues("management.tracing.sampling.probability=0.0").run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            Span request = tracer.nextSpan().start();
            try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
                // Not recorded, but the trace id exists all the same and travels with the event.
                assertThat(context.getBean(EventTracing.class).traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
            } finally {
                request.end();
            }
        });
    }

    @Test
    void aConsumerContinuesTheEventsTraceInItsSpansLogsAndEvents() {
        services.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            AtomicReference<Span> consuming = new AtomicReference<>();
            AtomicReference<String> logged = new AtomicReference<>();
            AtomicReference<String> onward = new AtomicReference<>();

            context.getBean(EventTracing.class).consume("events:users",
                    event("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01"), () -> {
                        consuming.set(tracer.currentSpan());
                        logged.set(MDC.get("traceId"));
                        onward.set(EventEnvelope.create(EventEnvelope.DEFAULT_ENTITY, "TransactionDeleted", "t1", 1, "{}").traceparent());
                    });

            assertThat(consuming.get().context().traceId()).isEqualTo(TRACE_ID);
            assertThat(consuming.get().context().parentId()).isEqualTo(PARENT_SPAN);
            assertThat(logged.get()).isEqualTo(TRACE_ID);
            assertThat(onward.get()).isEqualTo("00-" + TRACE_ID + "-" + consuming.get().context().spanId() + "-01");
            assertThat(tracer.currentSpan()).as("the consumer's span is closed").isNull();
        });
    }

    @Test
    void aBatchContinuesTheTraceOfItsFirstEvent() {
        services.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            AtomicReference<String> traceId = new AtomicReference<>();

            context.getBean(EventTracing.class).consume("events:transactions",
                    List.of(event("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01"),
                            event("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")),
                    () -> traceId.set(tracer.currentSpan().context().traceId()));

            assertThat(traceId.get()).isEqualTo(TRACE_ID);
        });
    }

    @Test
    void anEventWithoutTraceStartsOneAndAnUnreadableTraceparentIsNoObstacle() {
        services.run(context -> {
            Tracer tracer = context.getBean(Tracer.class);
            EventTracing tracing = context.getBean(EventTracing.class);
            for (String traceparent : new String[] {null, "garbage", "00-" + "0".repeat(32) + "-" + PARENT_SPAN + "-01"}) {
                AtomicReference<String> traceId = new AtomicReference<>();

                tracing.consume("events:users", event(traceparent), () -> traceId.set(tracer.currentSpan().context().traceId()));

                assertThat(traceId.get()).as(traceparent).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            }
        });
    }

    @Test
    void aHandlersFailureReachesTheConsumerSoTheEventStaysPending() {
        services.run(context -> assertThatThrownBy(() -> context.getBean(EventTracing.class).consume("events:users",
                event(null), () -> {
                    throw new IllegalStateException("cannot store this one");
                })).isInstanceOf(IllegalStateException.class).hasMessage("cannot store this one"));
    }

    @Test
    void withoutTracingHandlersRunAndEventsCarryNoTrace() {
        AtomicReference<Boolean> ran = new AtomicReference<>(false);

        EventTracing.NONE.consume("events:users", event("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01"), () -> ran.set(true));

        assertThat(ran.get()).isTrue();
        assertThat(EventTracing.NONE.traceparent()).isNull();
    }
}
