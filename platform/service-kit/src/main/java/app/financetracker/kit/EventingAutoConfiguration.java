package app.financetracker.kit;

import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.outbox.OutboxSource;
import app.financetracker.kit.stream.StreamConsumers;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.kit.stream.StreamProperties;
import app.financetracker.kit.stream.StreamsEndpoint;
import java.util.List;
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
 * {@link StreamEventHandler}s.
 */
@AutoConfiguration
@EnableConfigurationProperties(StreamProperties.class)
public class EventingAutoConfiguration {

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
                                    @Value("${spring.application.name}") String group) {
        return new StreamConsumers(connectionFactory, redis, handlers, group, properties);
    }

    @Bean
    @ConditionalOnBean(StreamEventHandler.class)
    StreamsEndpoint streamsEndpoint(StreamConsumers consumers) {
        return new StreamsEndpoint(consumers);
    }
}
