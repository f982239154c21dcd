package app.financetracker.gateway;

import app.financetracker.security.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway answers itself leaves as RFC 9457 {@code application/problem+json} (DESIGN §4, ADR 0040):
 * no route (404), a method or media type a route cannot take, a request the security firewall rejects (an encoded
 * slash, {@code ..}, a NUL), Redis down under a browser session (503), and anything unexpected as a 500 without a stack trace. Spring Boot's default would be
 * its own JSON shape, and the firewall's an empty 400.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemResponses implements ErrorWebExceptionHandler, ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof DataAccessException) {
            // Redis (sessions) is unavailable: the browser may retry; bearer calls never get here (ADR 0012).
            log.warn("Redis is unavailable: {}", error.getMessage());
            exchange.getResponse().getHeaders().set("Retry-After", "10");
            return write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "sessionsUnavailable");
        }
        HttpStatusCode status = error instanceof ErrorResponse response ? response.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = status.is5xxServerError() ? "unexpected" : "status." + status.value();
        if (status.is5xxServerError()) {
            log.error("Unexpected error on {}", exchange.getRequest().getPath(), error);
        }
        return write(exchange, status, detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return write(exchange, HttpStatus.BAD_REQUEST, "rejected");
    }

    /** Answers with the text {@code key} of {@link Problems}' bundle, in the caller's language; none if it has no such text. */
    private static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode code, String key) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // The raw path, never the decoded one: it is what the caller sent, and holds no markup.
        return GatewayProblems.write(exchange, status, Problems.body(status.value(), status.getReasonPhrase(),
                Problems.hasText(key) ? Problems.text(GatewayProblems.language(exchange), key) : null,
                exchange.getRequest().getPath().value()));
    }
}
