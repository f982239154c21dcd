package app.financetracker.gateway;

import app.financetracker.security.Problems;
import app.financetracker.security.RealmRolesConverter;
import app.financetracker.security.VerifiedTokens;
import app.financetracker.security.revocation.RevocationConfiguration;
import app.financetracker.security.revocation.TokenRevocations;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway as backend-for-frontend (DESIGN §4, ADR 0003). Two chains: API clients that send
 * {@code Authorization: Bearer} are checked statelessly as a resource server; browsers log in through
 * Keycloak ({@code oauth2Login}), keep a session in Redis, and never see a token: {@code TokenRelay} adds
 * it on the way to the services. The services check the token and the roles themselves. Sessions, back-channel
 * logout and revocation: {@link BrowserSessions} (ADR 0014).
 */
@Configuration(proxyBeanMethods = false)
@Import(RevocationConfiguration.class)
class SecurityConfig {

    static final String REGISTRATION = "keycloak";
    /** Spring Session's cookie: the browser's only credential here. */
    static final String SESSION_COOKIE = "SESSION";

    private static final ServerWebExchangeMatcher BEARER = exchange -> {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    };

    private static final String[] PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/fallback/**", "/error"};

    @Bean
    @Order(1)
    SecurityWebFilterChain apiClients(ServerHttpSecurity http, ReactiveJwtDecoder decoder, TokenRevocations revocations) {
        return http.securityMatcher(BEARER)
                .authorizeExchange(exchanges -> exchanges.pathMatchers(PUBLIC).permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(revocations.checking(new VerifiedTokens().caching(decoder)))
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                        RealmRolesConverter.jwtAuthenticationConverter())))
                        .authenticationEntryPoint(SecurityConfig::unauthorized)
                        // Keys unreachable (Keycloak down before they were ever fetched): 503, not the default 500.
                        .authenticationFailureHandler((filterExchange, e) -> e instanceof AuthenticationServiceException
                                ? cannotCheckToken(filterExchange.getExchange())
                                : unauthorized(filterExchange.getExchange(), e)))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // No cookie authenticates these requests, so there is nothing to forge.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain browsers(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                    ServerLogoutHandler backChannelLogout) {
        var logout = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        var login = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        ServerWebExchangeMatcher api = new PathPatternParserServerWebExchangeMatcher("/api/**");
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers("/login/**", "/oauth2/**", "/logout/connect/back-channel/**").permitAll()
                        // The console's build (scripts, styles), no data: a screen's code must load after the session
                        // ended, so that the screen can call the API, get 401 and lead to the sign-in (issue 25).
                        .pathMatchers(HttpMethod.GET, "/assets/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(oauth2 -> { })
                // Keycloak posts a logout token here when a session ends on its side (sign-out in another tab of
                // the same session, an admin ending it); it carries no cookie, so CSRF does not apply (hasSession).
                .oidcLogout(oidc -> oidc.backChannel(backChannel -> backChannel.logoutHandler(backChannelLogout)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> api.matches(exchange).flatMap(match ->
                                match.isMatch() ? unauthorized(exchange, e) : login.commence(exchange, e)))
                        .accessDeniedHandler(SecurityConfig::forbidden))
                // The SPA reads XSRF-TOKEN and echoes it in X-XSRF-TOKEN (or _csrf in a form post). Only requests
                // that carry the session cookie can be forged; without it a request is simply unauthenticated (401).
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                                SecurityConfig::hasSession))
                        .accessDeniedHandler(SecurityConfig::forbidden))
                .logout(spec -> spec.logoutSuccessHandler(logout))
                .build();
    }

    /**
     * Bearer tokens checked against Keycloak's keys, fetched with time limits: without them a Keycloak that accepts
     * the connection and never answers held an API call for good (issue 25: a call with no answer in 30 s, past
     * the route's time limiter, which only starts later). A fetch that fails is a 503 (see apiClients).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(KeycloakProperties keycloak) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(5));
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSetUri(keycloak.realmUrl() + "/protocol/openid-connect/certs")
                .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build())
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.publicRealmUrl()));
        return decoder;
    }

    /** Makes the deferred CSRF token load, so that its cookie is set on the first page. */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
    }

    /**
     * The Keycloak registration, written out rather than discovered so that the gateway starts while
     * Keycloak is still starting; the logout endpoint lets logout end the Keycloak session too.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        String oidc = "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(keycloak.publicRealmUrl() + oidc + "/auth")
                .tokenUri(keycloak.realmUrl() + oidc + "/token")
                .jwkSetUri(keycloak.realmUrl() + oidc + "/certs")
                .userInfoUri(keycloak.realmUrl() + oidc + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(keycloak.publicRealmUrl())
                .providerConfigurationMetadata(Map.of("end_session_endpoint",
                        URI.create(keycloak.publicRealmUrl() + oidc + "/logout").toString()))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> hasSession(ServerWebExchange exchange) {
        return exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    static Mono<Void> unauthorized(ServerWebExchange exchange, Exception e) {
        return GatewayProblems.write(exchange, HttpStatus.UNAUTHORIZED,
                Problems.unauthorized(GatewayProblems.language(exchange), exchange.getRequest().getPath().value()));
    }

    private static Mono<Void> cannotCheckToken(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return GatewayProblems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                Problems.cannotCheckToken(GatewayProblems.language(exchange), exchange.getRequest().getPath().value()));
    }

    static Mono<Void> forbidden(ServerWebExchange exchange, Exception e) {
        return GatewayProblems.write(exchange, HttpStatus.FORBIDDEN,
                Problems.forbidden(GatewayProblems.language(exchange), exchange.getRequest().getPath().value()));
    }
}
