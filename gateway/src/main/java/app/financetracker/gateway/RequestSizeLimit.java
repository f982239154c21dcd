package app.financetracker.gateway;

import app.financetracker.security.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Refuses a body over {@code finance.max-request-size} with a 413 problem before it is routed anywhere. */
@Component
class RequestSizeLimit implements GlobalFilter, Ordered {

    private final long limit;

    RequestSizeLimit(@Value("${finance.max-request-size}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() <= limit) {
            return chain.filter(exchange);
        }
        return GatewayProblems.write(exchange, HttpStatus.CONTENT_TOO_LARGE,
                Problems.tooLarge(GatewayProblems.language(exchange), exchange.getRequest().getPath().value(), limit));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
