package app.financetracker.kit.security;

import app.financetracker.kit.entity.EntityResolution;
import app.financetracker.kit.web.CallerLanguage;
import app.financetracker.security.Problems;
import app.financetracker.security.RealmRolesConverter;
import app.financetracker.security.Roles;
import app.financetracker.security.VerifiedTokens;
import app.financetracker.security.revocation.RevocationConfiguration;
import app.financetracker.security.revocation.TokenRevocations;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Every service is its own OAuth2 resource server (DESIGN §4): it checks the JWT itself and never
 * trusts the gateway alone. Every {@code /api/**} call acts in one entity ({@link EntityResolution}) and needs the
 * role {@code admin} in it; finer rules ({@code super-admin}) are method-security annotations in the service. Tokens of an admin deleted, disabled or
 * demoted since they were issued are refused (ADR 0014).
 */
@AutoConfiguration
@EnableMethodSecurity
@Import(RevocationConfiguration.class)
public class ResourceServerSecurity {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<ApiAccessRules> rules, JwtDecoder decoder,
                                    TokenRevocations revocations) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) ->
                write(response, 401, Problems.unauthorized(CallerLanguage.of(request), request.getRequestURI()));
        AccessDeniedHandler forbidden = (request, response, e) ->
                write(response, 403, Problems.forbidden(CallerLanguage.of(request), request.getRequestURI()));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                            "/v3/api-docs/**", "/error").permitAll();
                    rules.orderedStream().forEach(rule -> rule.apply(requests));
                    requests.requestMatchers("/api/**").hasRole(Roles.ADMIN)
                            .requestMatchers("/actuator/streams/**").hasRole(Roles.PLATFORM_ADMIN)
                            .anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(revocations.checking(new VerifiedTokens().caching(decoder)))
                                .jwtAuthenticationConverter(RealmRolesConverter.jwtAuthenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(failure(unauthorized));
                                return filter;
                            }
                        }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .addFilterAfter(new EntityResolution(), BearerTokenAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only, no cookies: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * A token that cannot be checked because Keycloak's keys cannot be fetched (Keycloak down before this service
     * ever fetched them) is a 503 problem; Spring Security's default rethrows it, which ends as a 500.
     */
    private static AuthenticationFailureHandler failure(AuthenticationEntryPoint unauthorized) {
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "10");
                write(response, 503, Problems.cannotCheckToken(CallerLanguage.of(request), request.getRequestURI()));
            } else {
                unauthorized.commence(request, response, e);
            }
        };
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(body);
    }

}
