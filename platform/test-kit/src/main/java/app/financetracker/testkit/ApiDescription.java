package app.financetracker.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as committed in {@code docs/openapi/<service>.json}: what the build lints with
 * Redocly and the console generates its API types from (DESIGN §15). The check rewrites a stale file and fails,
 * so a changed API cannot reach CI with an old description: run the test again and commit the file. Each service
 * has one subclass, which also checks that the service reports itself healthy.
 */
@ServiceIntegrationTest
public abstract class ApiDescription {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;
    @Value("${spring.application.name}")
    String service;

    @Test
    void theCommittedDescriptionIsTheServedOne() {
        Api.Response response = Api.at("http://localhost:" + port).get("/v3/api-docs");
        assertThat(response.status()).as("GET /v3/api-docs").isEqualTo(200);
        String served = JSON.writeValueAsString(response.json()) + "\n";
        Path committed = SharedKeycloak.root().resolve("docs/openapi/" + service + ".json");
        try {
            String current = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            if (!current.equals(served)) {
                Files.writeString(committed, served, StandardCharsets.UTF_8);
            }
            assertThat(current).as("%s is stale: it has been rewritten, commit it", committed).isEqualTo(served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a monitor reads, also without credentials: every component UP (Mongo's check once failed here). */
    @Test
    void theServiceReportsItselfHealthy() {
        Api.Response health = Api.at("http://localhost:" + port).get("/actuator/health");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().at("/status").asString()).isEqualTo("UP");
    }
}
