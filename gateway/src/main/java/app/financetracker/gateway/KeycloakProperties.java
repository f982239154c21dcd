package app.financetracker.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's Keycloak client ({@code finance.keycloak.*}).
 *
 * @param url where the gateway reaches Keycloak (token, keys, user info)
 * @param publicUrl where the browser reaches it (login and logout pages)
 */
@ConfigurationProperties("finance.keycloak")
record KeycloakProperties(String url, String publicUrl, String realm, String clientId, String clientSecret) {

    String realmUrl() {
        return url + "/realms/" + realm;
    }

    String publicRealmUrl() {
        return publicUrl + "/realms/" + realm;
    }
}
