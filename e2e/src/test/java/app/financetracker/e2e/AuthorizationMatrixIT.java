package app.financetracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Api;
import app.financetracker.testkit.SseClient;
import app.financetracker.testkit.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route of the API, through the gateway, for every kind of caller: anonymous, a valid token of an account in
 * no entity, a plain admin, a super-admin (of the default entity, and platform-admin). Requests carry harmless
 * bodies and unknown ids, so an allowed call answers with its own 2xx or 4xx, never 401/403, and nothing answers
 * 5xx. The super-admin's routes of the entities (creating one, its settings) need platform-admin or super-admin
 * of that entity (DESIGN §9).
 */
@ExtendWith(Stack.class)
class AuthorizationMatrixIT {

    private record Route(String method, String path, boolean superAdminOnly) {
    }

    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/me", false),
            new Route("PUT", "/api/me", false),
            new Route("PUT", "/api/me/password", false),
            new Route("PUT", "/api/me/language", false),
            new Route("GET", "/api/entities", false),
            new Route("POST", "/api/entities", true),
            new Route("GET", "/api/entities/default/settings", true),
            new Route("PUT", "/api/entities/default/settings", true),
            new Route("GET", "/api/admins", false),
            new Route("POST", "/api/admins", true),
            new Route("DELETE", "/api/admins/" + UNKNOWN, true),
            new Route("PUT", "/api/admins/" + UNKNOWN + "/enabled", true),
            new Route("GET", "/api/admins/audit", true),
            new Route("GET", "/api/users", false),
            new Route("POST", "/api/users", false),
            new Route("GET", "/api/users/" + UNKNOWN, false),
            new Route("PUT", "/api/users/" + UNKNOWN, false),
            new Route("DELETE", "/api/users/" + UNKNOWN, false),
            new Route("POST", "/api/users/" + UNKNOWN + "/archive", false),
            new Route("POST", "/api/users/" + UNKNOWN + "/unarchive", false),
            new Route("GET", "/api/transactions", false),
            new Route("POST", "/api/transactions", false),
            new Route("POST", "/api/transactions/batch", false),
            new Route("GET", "/api/transactions/" + UNKNOWN, false),
            new Route("PUT", "/api/transactions/" + UNKNOWN, false),
            new Route("DELETE", "/api/transactions/" + UNKNOWN, false),
            new Route("GET", "/api/categories", false),
            new Route("POST", "/api/categories", false),
            new Route("PUT", "/api/categories/" + UNKNOWN, false),
            new Route("DELETE", "/api/categories/" + UNKNOWN, false),
            new Route("GET", "/api/reports", false),
            new Route("POST", "/api/reports", false),
            new Route("GET", "/api/reports/" + UNKNOWN, false),
            new Route("DELETE", "/api/reports/" + UNKNOWN, false),
            new Route("GET", "/api/reports/" + UNKNOWN + "/export?format=csv", false),
            new Route("GET", "/api/notifications", false),
            new Route("GET", "/api/notifications/unread-count", false),
            new Route("POST", "/api/notifications/" + UNKNOWN + "/read", false),
            new Route("POST", "/api/notifications/read-all", false));

    private static int call(Api api, Route route) {
        String body = route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}";
        return api.send(route.method(), route.path(), body, "application/json").status();
    }

    @Test
    void everyRouteAnswersEachKindOfCallerAsItShould() {
        Api gateway = Api.at(Stack.get().gatewayUrl());
        Tokens.ensureUser("matrix-plain-admin", "Matrix@12345", List.of("admin"));
        Map<String, Api> callers = Map.of(
                "anonymous", gateway,
                "no role", gateway.as(Tokens.withoutRole()),
                "admin", gateway.as(Tokens.password("matrix-plain-admin", "Matrix@12345")),
                "super-admin", gateway.as(Tokens.admin()));
        List<String> mismatches = new ArrayList<>();

        for (Route route : ROUTES) {
            callers.forEach((caller, api) -> {
                int status = call(api, route);
                boolean allowed = switch (caller) {
                    case "anonymous", "no role" -> false;
                    case "admin" -> !route.superAdminOnly();
                    default -> true;
                };
                int denied = caller.equals("anonymous") ? 401 : 403;
                boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == denied;
                if (!ok) {
                    mismatches.add(caller + " " + route.method() + " " + route.path() + " → " + status);
                }
            });
        }

        assertThat(mismatches).as("%d routes × %d callers", ROUTES.size(), callers.size()).isEmpty();
    }

    @Test
    void theLiveFeedIsForAdminsOnly() {
        String stream = Stack.get().gatewayUrl() + "/api/notifications/stream";
        try (SseClient noRole = SseClient.connect(stream, Tokens.withoutRole(), null);
             SseClient admin = SseClient.connect(stream, Tokens.admin(), null)) {
            assertThat(noRole.status()).isEqualTo(403);
            assertThat(admin.status()).isEqualTo(200);
        }
    }
}
