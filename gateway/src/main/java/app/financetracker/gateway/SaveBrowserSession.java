package app.financetracker.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The gateway's {@code SaveSession} for browser requests only: a request that carries the session cookie has its
 * session (with a token TokenRelay may just have refreshed) saved before it is routed. {@code SaveSession} as a
 * default filter also ran for bearer calls, where it created and then invalidated an empty session: one Redis
 * round trip per API call for nothing, and a 503 for every API call while Redis was down (ADR 0012).
 *
 * <p>A session whose Keycloak session is over (signed out elsewhere, account gone) ends with a 401, never a 5xx
 * (ADR 0014): TokenRelay's refresh of its tokens fails with an {@link OAuth2AuthorizationException}. A session that
 * a concurrent logout ended is {@link SessionsEndedMidRequest}'s.
 */
@Component
class SaveBrowserSession implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getCookies().containsKey(SecurityConfig.SESSION_COOKIE)) {
            return chain.filter(exchange);
        }
        return exchange.getSession().flatMap(WebSession::save).then(chain.filter(exchange))
                .onErrorResume(OAuth2AuthorizationException.class, ended -> exchange.getResponse().isCommitted()
                        ? Mono.error(ended) : BrowserSessions.end(exchange));
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
