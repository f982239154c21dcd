package app.financetracker.gateway;

import app.financetracker.security.Problems;
import java.security.Principal;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/**} calls per signed-in principal with Spring Cloud Gateway's Redis token bucket, so every
 * gateway instance shares one budget per admin; over it, a 429 problem with {@code Retry-After}. Runs after
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
            return exchange.getPrincipal().map(Principal::getName)
                    .flatMap(name -> limiter.isAllowed(BUCKET, name)).map(Optional::of)
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
                                        "Too many requests from your account; slow down and retry in a second.",
                                        exchange.getRequest().getPath().value()));
                    });
        }

        @Override
        public int getOrder() {
            // After Spring Security's chain (-100), so that the principal is known.
            return 0;
        }
    }
}
