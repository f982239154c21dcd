package app.financetracker.auth.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and how auth-service signs in to its admin API (environment: {@code KEYCLOAK_URL},
 * {@code KEYCLOAK_REALM}, {@code ADMIN_CLIENT_ID}, {@code ADMIN_CLIENT_SECRET}; see application.yml).
 *
 * @param url              Keycloak's base URL, without {@code /realms/…}
 * @param realm            the realm whose admins this service manages
 * @param adminClientId    confidential client with a service account holding the realm-management roles it needs
 * @param adminClientSecret that client's secret
 * @param loginClientId    a client with direct access grants, used to check a current password
 * @param loginClientSecret its secret when it is a confidential client; empty for a public one
 * @param connectTimeout   TCP connect time limit of every call
 * @param readTimeout      time limit for Keycloak's answer once connected
 * @param callTimeout      time limit of one call as a whole (the circuit breaker's time limiter)
 * @param openFor          how long the circuit stays open (calls refused at once) before Keycloak is tried again
 */
@ConfigurationProperties("finance.keycloak")
public record KeycloakProperties(
        @DefaultValue("http://localhost:8180") String url,
        @DefaultValue("finance-tracker") String realm,
        @DefaultValue("finance-tracker-admin") String adminClientId,
        @DefaultValue("finance-tracker-admin-secret") String adminClientSecret,
        @DefaultValue("finance-tracker-cli") String loginClientId,
        @DefaultValue("") String loginClientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("8s") Duration callTimeout,
        @DefaultValue("15s") Duration openFor) {

    /** The realm's OpenID Connect endpoints ({@code …/token}, {@code …/logout}). */
    String openIdConnect() {
        return url + "/realms/" + realm + "/protocol/openid-connect";
    }
}
