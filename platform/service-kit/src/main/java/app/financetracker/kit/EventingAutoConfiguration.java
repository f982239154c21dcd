package app.financetracker.kit;

import app.financetracker.events.EventEnvelope;
import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.outbox.OutboxSource;
import app.financetracker.kit.stream.EventTracing;
import app.financetracker.kit.stream.StreamConsumers;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.StreamProperties;
import app.financetracker.kit.stream.StreamsEndpoint;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Outbox relay for services that declare {@link OutboxSource}s, stream consumers for services that declare
 * {@link StreamEventHandler}s, and the trace context that events carry from the producer's request to every
 * consumer (ADR 0015).
 */
@AutoConfiguration
@EnableConfigurationProperties(StreamProperties.class)
public class EventingAutoConfiguration {

    /**
     * Tracing of events: new events ({@link EventEnvelope#create}) carry the current span's context, consumers
     * continue it. Without a tracer (tracing switched off) it traces nothing.
     */
    @Bean
    EventTracing eventTracing(ObjectProvider<ObservationRegistry> registry, ObjectProvider<Tracer> tracer,
                              ObjectProvider<Propagator> propagator) {
        EventTracing tracing = new EventTracing(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
        EventEnvelope.traceContextFrom(tracing::traceparent);
        return tracing;
    }

    @Bean
    @ConditionalOnBean(OutboxSource.class)
    OutboxRelay outboxRelay(MongoTemplate mongo, StringRedisTemplate redis, List<OutboxSource> sources,
                            StreamProperties properties) {
        return new OutboxRelay(mongo, redis, sources, properties.outboxPollInterval());
    }

    @Bean
    @ConditionalOnBean(StreamEventHandler.class)
    StreamConsumers streamConsumers(RedisConnectionFactory connectionFactory, StringRedisTemplate redis,
                                    List<StreamEventHandler<?>> handlers, StreamProperties properties,
                                    @Value("${spring.application.name}") String group, EventTracing tracing) {
        return new StreamConsumers(connectionFactory, redis, handlers, group, properties, tracing);
    }

    @Bean
    @ConditionalOnBean(StreamEventHandler.class)
    StreamsEndpoint streamsEndpoint(StreamConsumers consumers) {
        return new StreamsEndpoint(consumers);
    }
}
