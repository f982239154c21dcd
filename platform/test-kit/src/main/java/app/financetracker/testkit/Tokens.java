package app.financetracker.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the test run's Keycloak: password grants through the public client
 * {@code finance-tracker-cli}, and test users made through Keycloak's admin API.
 */
public final class Tokens {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Admin@1234";
    /** The entity of the seeded admin and of every test that names none (DESIGN §9). */
    public static final String DEFAULT_ENTITY = "default";
    private static final String REALM = "finance-tracker";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, CachedToken> tokens = new java.util.HashMap<>();

    private Tokens() {
    }

    /**
     * The seeded admin's token: {@code platform-admin}, and {@code super-admin} of the default entity. Reused while
     * it has more than a minute to live (tokens live five), which spares Keycloak hundreds of sign-ins per test run.
     */
    public static String admin() {
        return cached(ADMIN, ADMIN_PASSWORD);
    }

    /** A token of that user, reused as {@link #admin()}'s is (for workloads that call thousands of times). */
    public static synchronized String cached(String username, String password) {
        CachedToken cached = tokens.get(username);
        if (cached == null || cached.validUntil().isBefore(java.time.Instant.now())) {
            cached = new CachedToken(grant(username, password), java.time.Instant.now().plusSeconds(240));
            tokens.put(username, cached);
        }
        return cached.token();
    }

    /** A token of a user who belongs to no entity and has no realm role (exists once per Keycloak). */
    public static String withoutRole() {
        ensureUser("no-role-user", "NoRole@1234", List.of());
        return password("no-role-user", "NoRole@1234");
    }

    /** A fresh token from a password grant (no reuse: tests check sign-in after changes). */
    public static String password(String username, String password) {
        return grant(username, password);
    }

    /** The status of a password grant, for tests of refused sign-ins (never with {@link #ADMIN}: brute force). */
    public static int passwordGrantStatus(String username, String password) {
        return postForm(tokenUrl(), passwordGrant(username, password)).statusCode();
    }

    private static String tokenUrl() {
        return Infra.get().keycloakUrl() + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    private static Map<String, String> passwordGrant(String username, String password) {
        return Map.of("grant_type", "password", "client_id", "finance-tracker-cli", "username", username,
                "password", password);
    }

    private record CachedToken(String token, java.time.Instant validUntil) {
    }

    private static String grant(String username, String password) {
        return post(tokenUrl(), passwordGrant(username, password)).get("access_token").asString();
    }

    /**
     * Ends every Keycloak session of the user, as Keycloak's admin console does ("Sign out" on the user): Keycloak
     * then sends a back-channel logout to each client of those sessions.
     */
    public static void endKeycloakSessions(String username) {
        String master = masterToken();
        int status = send(HttpRequest.newBuilder(URI.create(Infra.get().keycloakUrl() + "/admin/realms/" + REALM
                + "/users/" + userId(master, username) + "/logout")).header("Authorization", "Bearer " + master)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        if (status != 204) {
            throw new IllegalStateException("Keycloak did not end the sessions of " + username + ": " + status);
        }
    }

    private static String masterToken() {
        return post(Infra.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", "kcadmin", "password", "kcadmin"))
                .get("access_token").asString();
    }

    private static String userId(String master, String username) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(Infra.get().keycloakUrl() + "/admin/realms/"
                + REALM + "/users?exact=true&username=" + username)).header("Authorization", "Bearer " + master)
                .build()).body()).get(0).get("id").asString();
    }

    /** Creates the user unless it exists, with those roles in the default entity (DESIGN §9). */
    public static void ensureUser(String username, String password, List<String> roles) {
        ensureUser(username, password, roles.isEmpty() ? Map.of() : Map.of(DEFAULT_ENTITY,
                roles.contains("super-admin") ? "super-admin" : roles.get(0)));
    }

    /**
     * Creates the user unless it exists, and makes it hold {@code roleByEntity}'s role in each of those entities
     * (Keycloak groups {@code /entities/<entityId>/<role>}, made when missing: ADR 0019). Memberships it already
     * has stay.
     */
    public static void ensureUser(String username, String password, Map<String, String> roleByEntity) {
        String keycloak = Infra.get().keycloakUrl();
        String master = masterToken();
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.com",
                "emailVerified", true, "firstName", "Test", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM + "/users"))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build());
        if (roleByEntity.isEmpty()) {
            return;
        }
        String id = userId(master, username);
        roleByEntity.forEach((entityId, role) -> send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/"
                + REALM + "/users/" + id + "/groups/" + entityGroup(master, entityId, role)))
                .header("Authorization", "Bearer " + master).PUT(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** Gives the user (made with {@link #ensureUser}) a realm role, such as the operator's {@code platform-admin}. */
    public static void grantRealmRole(String username, String role) {
        String admin = Infra.get().keycloakUrl() + "/admin/realms/" + REALM;
        String master = masterToken();
        String representation = send(HttpRequest.newBuilder(URI.create(admin + "/roles/" + role))
                .header("Authorization", "Bearer " + master).build()).body();
        send(HttpRequest.newBuilder(URI.create(admin + "/users/" + userId(master, username) + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + representation + "]")).build());
    }

    /** The id of the group of {@code role} in {@code entityId}, made (with its parents) when missing. */
    private static String entityGroup(String master, String entityId, String role) {
        String parent = group(master, null, "entities");
        return group(master, group(master, parent, entityId), role);
    }

    private static String group(String master, String parentId, String name) {
        String admin = Infra.get().keycloakUrl() + "/admin/realms/" + REALM;
        String list = parentId == null ? admin + "/groups?exact=true&search=" + name
                : admin + "/groups/" + parentId + "/children?max=1000";
        for (JsonNode group : JSON.readTree(send(HttpRequest.newBuilder(URI.create(list))
                .header("Authorization", "Bearer " + master).build()).body())) {
            if (group.get("name").asString().equals(name)) {
                return group.get("id").asString();
            }
        }
        String create = parentId == null ? admin + "/groups" : admin + "/groups/" + parentId + "/children";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(create))
                .header("Authorization", "Bearer " + master).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name)))).build());
        if (created.statusCode() == 409) {
            return group(master, parentId, name); // made meanwhile by another test JVM
        }
        String location = created.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Keycloak did not make the group " + name + ": " + created.statusCode() + " " + created.body()));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode post(String url, Map<String, String> form) {
        HttpResponse<String> response = postForm(url, form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request to " + url + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
