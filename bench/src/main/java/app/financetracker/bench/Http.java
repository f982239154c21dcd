package app.financetracker.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to the stack with the admin's bearer token (a password grant on Keycloak's public client
 * {@code finance-tracker-cli}, renewed before it expires). HTTP/1.1 only: the JDK client would otherwise try an
 * h2c upgrade on every new connection.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String keycloakUrl;
    private final String username;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    Http(String keycloakUrl, String username, String password) {
        this.keycloakUrl = keycloakUrl;
        this.username = username;
        this.password = password;
    }

    synchronized String token() {
        if (Instant.now().isAfter(renewAt)) {
            String form = Map.of("grant_type", "password", "client_id", "finance-tracker-cli", "username", username,
                            "password", password).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(keycloakUrl
                            + "/realms/finance-tracker/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (response.statusCode() != 200) {
                // Stop at once: retrying a refused password would trip the realm's brute-force protection.
                throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            token = body.get("access_token").asString();
            renewAt = Instant.now().plusSeconds(Math.max(30, body.get("expires_in").asLong() - 60));
        }
        return token;
    }

    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
    }

    HttpRequest get(String url) {
        return request(url).GET().build();
    }

    HttpRequest post(String url, Object body) {
        return request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and expects {@code status}; returns the JSON body. */
    JsonNode expect(int status, HttpRequest request) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    static int status(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
