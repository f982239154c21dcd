package app.financetracker.auth.admins;

import app.financetracker.kit.security.ApiAccessRules;
import app.financetracker.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Any admin may list admins; only a super-admin may see the audit or change anything. Enforced in the filter
 * chain (a plain admin gets 403 whatever the body) as well as by {@code @PreAuthorize} on the controllers.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccessRules {

    @Bean
    ApiAccessRules adminManagement() {
        return requests -> requests
                .requestMatchers("/api/admins/audit", "/api/admins/audit/**").hasRole(Roles.SUPER_ADMIN)
                .requestMatchers(HttpMethod.GET, "/api/admins/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/admins/**").hasRole(Roles.SUPER_ADMIN);
    }
}
