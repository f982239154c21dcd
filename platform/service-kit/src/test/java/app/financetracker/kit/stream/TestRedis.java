package app.financetracker.kit.stream;

import app.financetracker.testkit.Infra;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** One connection factory to the test run's Redis, through Lettuce as the services have it, for the whole JVM. */
final class TestRedis {

    static final LettuceConnectionFactory CONNECTIONS = connect();
    static final StringRedisTemplate REDIS = new StringRedisTemplate(CONNECTIONS);

    private TestRedis() {
    }

    private static LettuceConnectionFactory connect() {
        LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(Infra.get().redisHost(), Infra.get().redisPort()));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        Runtime.getRuntime().addShutdownHook(new Thread(connectionFactory::destroy));
        return connectionFactory;
    }
}
