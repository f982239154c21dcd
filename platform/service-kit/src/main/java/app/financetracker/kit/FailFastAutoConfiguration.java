package app.financetracker.kit;

import io.lettuce.core.ClientOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * With Mongo down, a request must fail within a second or two with a 503 problem (see {@code ApiProblemHandler};
 * a read that the driver retries waits twice), not wait the driver's default 30 s for a server: the caller's
 * circuit breaker then opens on quick failures
 * instead of piling up waiting threads. With Redis down, commands are rejected at once instead of queueing until
 * a time-out: Redis is never on a request's critical path (the member cache falls back to Mongo, events wait in
 * the outbox), so a request must not wait for it (ADR 0012).
 */
@AutoConfiguration
public class FailFastAutoConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectRedisCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    MongoClientSettingsBuilderCustomizer failFastMongo(
            @Value("${finance.mongo.server-selection-timeout:700ms}") Duration serverSelection,
            @Value("${finance.mongo.connect-timeout:1s}") Duration connect) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(),
                        TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS));
    }
}
