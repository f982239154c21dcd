package app.financetracker.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Rules a service adds before the kit's "every {@code /api/**} needs {@code admin}": e.g. paths only a super-admin
 * may call. Checked in the filter chain, so a refused caller gets 403 before its request body is even read.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
