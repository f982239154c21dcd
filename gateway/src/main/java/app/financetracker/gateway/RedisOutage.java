package app.financetracker.gateway;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis holds the browser sessions and the rate-limit buckets. While it is down, commands fail at once instead of
 * queueing until a time-out: API calls with a bearer token go on (the limiter lets them through) and a request that
 * needs its session gets a 503 problem from {@link ProblemResponses} (ADR 0012).
 */
@Configuration(proxyBeanMethods = false)
class RedisOutage {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
