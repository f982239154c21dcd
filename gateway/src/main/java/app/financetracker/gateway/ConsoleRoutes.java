package app.financetracker.gateway;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The console is a single-page app: a reload or a bookmark of {@code /members/42} must get {@code index.html},
 * whose router then shows the page. Runs after security, so the sign-in check applies to the original path.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ConsoleRoutes implements WebFilter {

    private static final List<String> SERVER_PATHS = List.of("/api", "/assets", "/oauth2", "/login", "/logout",
            "/actuator", "/v3", "/swagger-ui", "/webjars", "/fallback", "/error");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean consolePage = HttpMethod.GET.equals(exchange.getRequest().getMethod()) && !path.equals("/")
                && !path.contains(".") && SERVER_PATHS.stream().noneMatch(prefix -> path.equals(prefix)
                || path.startsWith(prefix + "/"));
        if (!consolePage) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.path("/index.html")).build());
    }
}
