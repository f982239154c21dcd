package app.financetracker.auth;

import app.financetracker.testkit.Infra;
import org.keycloak.admin.client.Keycloak;

/** The test run's Keycloak as its master admin sees it, for what a test must set up behind the API's back. */
public final class TestKeycloak {

    private TestKeycloak() {
    }

    public static Keycloak master() {
        return Keycloak.getInstance(Infra.get().keycloakUrl(), "master", "kcadmin", "kcadmin", "admin-cli");
    }

    public static String userId(String realm, String username) {
        try (Keycloak keycloak = master()) {
            return keycloak.realm(realm).users().searchByUsername(username, true).get(0).getId();
        }
    }
}
