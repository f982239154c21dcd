package app.financetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ResponseStatusException;

/** The gateway's own errors are problem details, whatever raised them (ADR 0040). */
class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses();

    @Test
    void noRouteIsA404Problem() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/nothing-here"));

        problems.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"status\":404", "\"title\":\"Not Found\"", "\"instance\":\"/api/nothing-here\"");
    }

    @Test
    void aPathTheFirewallRejectsIsA400Problem() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/users/..%2Fadmins"));

        problems.handle(exchange, new ServerExchangeRejectedException("encoded slash")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":400")
                .doesNotContain("encoded slash");
    }

    @Test
    void anythingUnexpectedIsA500ProblemWithoutItsMessage() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/users"));

        problems.handle(exchange, new IllegalStateException("secret internals")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":500")
                .doesNotContain("secret internals", "IllegalStateException");
    }
}
