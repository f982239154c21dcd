package app.financetracker.gateway;

import app.financetracker.security.revocation.TokenRevocations;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A browser session is its own (DESIGN §4, ADR 0014): its OAuth2 tokens are kept in that web session, in Redis with
 * it, never per user name in one gateway's memory; Keycloak's back-channel logout ends the matching sessions on any
 * instance; a session whose tokens predate a revocation of its account ends on its next request.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessions {

    @Bean
    static SessionsEndedMidRequest sessionsEndedMidRequest() {
        return new SessionsEndedMidRequest();
    }

    /** The authorized client (access and refresh token) lives in the web session: per browser, on every instance. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * What TokenRelay asks for a token: the session's, refreshed once it expires within {@code refresh-before-expiry}
     * (Spring's default, 60 s, would refresh on every call when a realm gives tokens shorter lives than that).
     */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository clients,
            @Value("${finance.session.refresh-before-expiry:30s}") Duration refreshBeforeExpiry) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(refreshBeforeExpiry))
                .build());
        return manager;
    }

    @Bean
    ReactiveOidcSessionRegistry oidcSessions(ReactiveStringRedisTemplate redis,
            @Value("${finance.session.keycloak-session-max:10h}") Duration keycloakSessionMax) {
        return new RedisOidcSessionRegistry(redis, keycloakSessionMax);
    }

    /**
     * Back-channel logout: the sessions Keycloak names are deleted from the session store directly (Spring's default
     * handler posts each one's cookie back to this gateway's {@code /logout} instead, over HTTP).
     */
    @Bean
    ServerLogoutHandler backChannelLogout(ReactiveOidcSessionRegistry registry, ReactiveSessionRepository<?> sessions) {
        return (exchange, authentication) -> authentication instanceof AbstractAuthenticationToken token
                && token.getPrincipal() instanceof OidcLogoutToken logoutToken
                ? registry.removeSessionInformation(logoutToken)
                        .concatMap(info -> sessions.deleteById(info.getSessionId()))
                        .then()
                : Mono.empty();
    }

    /**
     * A browser session of an admin deleted, disabled or demoted since its access token was issued ends here, on
     * its next request: an API call gets 401, a page goes through the sign-in again. Runs after Spring Security's
     * chain (order -100), when the exchange knows its principal.
     */
    @Bean
    @Order(0)
    WebFilter revokedSessions(TokenRevocations revocations, ServerOAuth2AuthorizedClientRepository clients) {
        return (exchange, chain) -> exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(principal -> clients.loadAuthorizedClient(principal.getAuthorizedClientRegistrationId(),
                                principal, exchange)
                        .map(client -> revocations.revoked(subject(principal), client.getAccessToken().getIssuedAt())))
                .defaultIfEmpty(false)
                .flatMap(revoked -> revoked ? end(exchange) : chain.filter(exchange));
    }

    private static String subject(Authentication principal) {
        return principal.getPrincipal() instanceof OidcUser user ? user.getSubject() : null;
    }

    /** Ends the exchange's session: 401 for the API, and a page is asked again, now without a session. */
    static Mono<Void> end(ServerWebExchange exchange) {
        Mono<Void> invalidated = exchange.getSession().flatMap(WebSession::invalidate);
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            return invalidated.then(SecurityConfig.unauthorized(exchange, null));
        }
        URI asked = exchange.getRequest().getURI();
        URI again = URI.create(asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()));
        return invalidated.then(Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(again);
        }));
    }
}
