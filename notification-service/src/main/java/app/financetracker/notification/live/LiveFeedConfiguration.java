package app.financetracker.notification.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * The subscription of {@link LiveFeed} to the live channel, as a bean: the context starts it once every bean is
 * built and stops it (and its connection) when it closes, as it does every lifecycle bean.
 */
@Configuration(proxyBeanMethods = false)
class LiveFeedConfiguration {

    @Bean
    RedisMessageListenerContainer liveFeedListener(RedisConnectionFactory connections, LiveFeed feed) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener(feed, new ChannelTopic(LiveFeed.CHANNEL));
        return container;
    }
}
