package app.financetracker.auth;

import java.util.UUID;

/** Unique usernames: the test Keycloak is shared by every test of the run, and outlives none of them. */
public final class TestNames {

    private TestNames() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
