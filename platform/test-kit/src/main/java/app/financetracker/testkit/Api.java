package app.financetracker.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests, as an API client of ours would call: JSON in, JSON or problem out. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A call slower than this runs {@link #whenSlow} once, while it still waits for its answer. */
    private static final Duration SLOW = Duration.ofSeconds(10);
    private static volatile Runnable whenSlow = () -> { };

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Duration timeout;

    private Api(String baseUrl, Map<String, String> headers, Duration timeout) {
        this.baseUrl = baseUrl;
        this.headers = headers;
        this.timeout = timeout;
    }

    public static Api at(String baseUrl) {
        return new Api(baseUrl, Map.of(), TIMEOUT);
    }

    /**
     * The same client, waiting up to {@code timeout} for an answer instead of 30 s: for calls whose work grows with
     * what the test run did before (a replay of a whole stream on a loaded machine).
     */
    public Api patient(Duration timeout) {
        return new Api(baseUrl, headers, timeout);
    }

    /**
     * What to do when a call has had no answer for 10 s, e.g. print a thread dump of the server it waits for, so
     * that a hang explains itself in the test output instead of ending as a bare time-out (issue 25).
     */
    public static void whenSlow(Runnable action) {
        whenSlow = action;
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public Api as(String token) {
        return with("Authorization", "Bearer " + token);
    }

    /** The same client, sending one more header on every request. */
    public Api with(String header, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(baseUrl, Map.copyOf(more), timeout);
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** A GET that takes whatever the server sends (metrics, CSV, PDF). */
    public Response getAny(String path) {
        return send("GET", path, null, null, "*/*");
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    /** Sends {@code body} as is when it is a String, else as JSON. */
    public Response send(String method, String path, Object body, String contentType) {
        return send(method, path, body, contentType, "application/json, application/problem+json");
    }

    private Response send(String method, String path, Object body, String contentType, String accept) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", accept)
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<String>> call = HTTP.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response;
            try {
                response = call.get(SLOW.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                System.err.printf("[api] %s %s%s: no answer after %s%n", method, baseUrl, path, SLOW);
                whenSlow.run();
                response = call.get();
            }
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A value by JSON pointer ({@code /content/0/id}), as text. */
        public String at(String pointer) {
            return json().at(pointer).asString();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
