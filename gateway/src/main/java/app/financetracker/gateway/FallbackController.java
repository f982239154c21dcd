package app.financetracker.gateway;

import app.financetracker.security.Problems;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Where a route's circuit breaker sends a call that its service cannot answer: a 503 problem, at once. */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<byte[]> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Set<URI> original = exchange.getAttributeOrDefault(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR,
                Set.of());
        String path = original.stream().findFirst().map(URI::getPath).orElse(exchange.getRequest().getPath().value());
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} {} answered by the fallback of {}: {}", exchange.getRequest().getMethod(), path, service,
                cause == null ? "no cause recorded" : cause.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "10")
                .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE))
                .body(Problems.body(503, "Service Unavailable",
                        Problems.text(GatewayProblems.language(exchange), "serviceUnavailable", service), path));
    }
}
