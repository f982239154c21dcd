package app.financetracker.gateway;

import app.financetracker.security.Memberships;
import app.financetracker.security.Problems;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/**} calls per signed-in principal and entity ({@code X-Entity}) with Spring Cloud Gateway's
 * Redis token bucket, so every gateway instance shares one budget per admin and entity, and a burst in one entity
 * does not throttle the same admin's work in another; over it, a 429 problem with {@code Retry-After}. Runs after
 * Spring Security (anonymous calls are refused there with 401 and never reach it). If Redis cannot answer, the
 * limiter lets calls through: an outage of the limiter must not become an outage of the API.
 */
@Configuration(proxyBeanMethods = false)
class ApiRateLimit {

    static final String BUCKET = "api";

    @Bean
    RedisRateLimiter redisRateLimiter(@Value("${finance.rate-limit.per-second}") int perSecond,
            @Value("${finance.rate-limit.burst}") int burst) {
        return new RedisRateLimiter(perSecond, burst);
    }

    @Bean
    WebFilter apiRateLimitFilter(RateLimiter<?> limiter) {
        return new Filter(limiter);
    }

    record Filter(RateLimiter<?> limiter) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
                return chain.filter(exchange);
            }
            return exchange.getPrincipal().map(principal -> key(principal, exchange))
                    .flatMap(key -> limiter.isAllowed(BUCKET, key)).map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(decision -> {
                        if (decision.isEmpty()) {
                            return chain.filter(exchange);
                        }
                        decision.get().getHeaders().forEach(exchange.getResponse().getHeaders()::add);
                        if (decision.get().isAllowed()) {
                            return chain.filter(exchange);
                        }
                        exchange.getResponse().getHeaders().set("Retry-After", "1");
                        return GatewayProblems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                                Problems.body(429, "Too Many Requests",
                                        Problems.text(GatewayProblems.language(exchange), "tooManyRequests"),
                                        exchange.getRequest().getPath().value()));
                    });
        }

        /**
         * The caller and the entity named, when the caller's token says they belong to it; any other name (made up to
         * get more budget, or an entity joined since the browser signed in) counts in the caller's shared bucket.
         */
        static String key(Principal principal, ServerWebExchange exchange) {
            String entity = exchange.getRequest().getHeaders().getFirst(Memberships.HEADER);
            return principal.getName() + "|" + (memberships(principal).belongsTo(entity) ? entity : "");
        }

        private static Memberships memberships(Principal principal) {
            if (principal instanceof JwtAuthenticationToken bearer) {
                return Memberships.of(bearer.getToken());
            }
            if (principal instanceof OAuth2AuthenticationToken session && session.getPrincipal() instanceof OidcUser user) {
                return Memberships.of(user.getClaimAsStringList(Memberships.CLAIM));
            }
            return Memberships.of(List.<String>of());
        }

        @Override
        public int getOrder() {
            // After Spring Security's chain (-100), so that the principal is known, and after StreamEntity (-1).
            return 0;
        }
    }
}
