package app.financetracker.auth.keycloak;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClient;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakConfiguration {

    /**
     * The admin API client, signed in as the {@code finance-tracker-admin} service account (client-credentials
     * grant; the client fetches and renews its token itself, lazily, so the service starts while Keycloak is
     * down). Its HTTP client has connect, read and pool time limits: without them a Keycloak that accepts
     * connections but never answers would hold a request thread for ever.
     */
    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(KeycloakProperties properties) {
        ResteasyClient http = ResteasyClientClassicProvider.createClientBuilder()
                // Keycloak's provider, not a default Jackson one: it ignores the fields that a newer server adds
                // to representations this 26.0 client does not know (the server is 26.7).
                .register(JacksonProvider.class, 100)
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectionCheckoutTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        return KeycloakBuilder.builder()
                .serverUrl(properties.url())
                .realm(properties.realm())
                .grantType("client_credentials")
                .clientId(properties.adminClientId())
                .clientSecret(properties.adminClientSecret())
                .resteasyClient(http)
                .build();
    }

    /**
     * One breaker for everything auth-service asks Keycloak. Only outages count as failures (no answer, a
     * refused connection, a 5xx, the service account refused): a 404, 409 or a rejected password is Keycloak
     * working normally and must not open the circuit.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> keycloakCircuitBreaker(KeycloakProperties properties) {
        return factory -> {
            factory.configure(builder -> builder.circuitBreakerConfig(CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(10)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(properties.openFor())
                    .permittedNumberOfCallsInHalfOpenState(2)
                    .recordException(KeycloakOutages::isOutage)
                    .build()), KeycloakAccounts.BREAKER);
            // Spring Cloud 2025.1 takes a breaker's time limit from the time-limiter registry by the breaker's
            // name, not from the builder above (which would silently leave the default of 1 s).
            factory.getTimeLimiterRegistry().addConfiguration(KeycloakAccounts.BREAKER,
                    TimeLimiterConfig.custom().timeoutDuration(properties.callTimeout()).build());
        };
    }
}
