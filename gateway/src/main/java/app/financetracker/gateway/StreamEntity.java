package app.financetracker.gateway;

import app.financetracker.security.Memberships;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A browser's {@code EventSource} cannot set headers, so the console names the entity of its notification stream
 * as {@code ?entity=<id>}; the service is told it the usual way, as {@code X-Entity} (DESIGN §9). A header already
 * present wins. The query parameter stays (the service ignores it), and the service still checks that the caller
 * belongs to the entity: this only moves the name, it grants nothing.
 */
@Component
class StreamEntity implements WebFilter, Ordered {

    static final String PATH = "/api/notifications/stream";
    static final String PARAMETER = "entity";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String entity = request.getQueryParams().getFirst(PARAMETER);
        if (!PATH.equals(request.getPath().value()) || !StringUtils.hasText(entity)
                || request.getHeaders().containsHeader(Memberships.HEADER)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(mutated -> mutated.headers(headers -> headers.set(Memberships.HEADER, entity))).build());
    }

    @Override
    public int getOrder() {
        // Before the rate limit (0), so that a stream counts in its entity's budget like any other call.
        return -1;
    }
}
