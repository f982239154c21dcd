package app.financetracker.security.revocation;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The revocations every service and gateway instance honours, fed from {@code events:admins}; imported by the
 * services' resource-server security and by the gateway. {@code finance.security.revocation-window}: how long a
 * revocation is remembered, at least the realm's longest access-token lifetime (ADR 0014).
 */
@Configuration(proxyBeanMethods = false)
public class RevocationConfiguration {

    @Bean
    TokenRevocations tokenRevocations(@Value("${finance.security.revocation-window:1h}") Duration window) {
        return new TokenRevocations(Clock.systemUTC(), window);
    }

    @Bean
    RevocationFeed revocationFeed(RedisConnectionFactory redis, TokenRevocations revocations) {
        return new RevocationFeed(redis, revocations, Clock.systemUTC());
    }
}
