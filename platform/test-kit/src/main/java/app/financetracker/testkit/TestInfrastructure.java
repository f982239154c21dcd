package app.financetracker.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test at real infrastructure: the embedded Mongo server, a real Redis and the test
 * run's Keycloak (or Testcontainers where Docker runs). Use it through {@link ServiceIntegrationTest}.
 */
public class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Infra infra = Infra.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure", Map.of(
                "spring.mongodb.uri", infra.mongoUri(),
                "spring.data.redis.host", infra.redisHost(),
                "spring.data.redis.port", String.valueOf(infra.redisPort()),
                "KEYCLOAK_URL", infra.keycloakUrl(),
                // Fast retries so that tests of redelivery and dead-lettering finish in seconds (yet slow enough
                // that an entry merely waiting in a busy consumer's batch is rarely taken over).
                "finance.streams.claim-idle", "2s",
                "finance.streams.sweep-interval", "500ms",
                "finance.streams.poll-timeout", "200ms")));
    }
}
