package app.financetracker.gateway;

import app.financetracker.security.Languages;
import app.financetracker.security.Problems;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes an RFC 9457 body from the gateway's own filters, where no handler's error path applies. */
final class GatewayProblems {

    private GatewayProblems() {
    }

    /** The caller's language, from its {@code Accept-Language} (DESIGN §14). */
    static Locale language(ServerWebExchange exchange) {
        return Languages.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, byte[] problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.parseMediaType(Problems.MEDIA_TYPE));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(problem)));
    }
}
