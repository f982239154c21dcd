package app.financetracker.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Each service's OpenAPI description: bearer security, paths relative to the gateway (which gathers them in
 * one Swagger UI), and the RFC 9457 problem responses every endpoint can give.
 */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid JSON or fields (see errors)",
            "401", "No or bad credentials",
            "403", "Missing role",
            "404", "Not found",
            "409", "Conflict: duplicate, in use, or stale version",
            "503", "A dependency is down");

    @Bean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name) {
        Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        return new OpenAPI()
                .info(new Info().title("Finance Tracker · " + name).version("1"))
                .servers(List.of(new Server().url("/").description("through the gateway")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problem))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                ERRORS.forEach((status, description) -> operation.getResponses().computeIfAbsent(status, s ->
                        new ApiResponse().description(description).content(new Content().addMediaType(
                                "application/problem+json", new MediaType().schema(
                                        new Schema<>().$ref("#/components/schemas/" + PROBLEM))))))));
    }
}
