package app.financetracker.kit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import jakarta.annotation.Nullable;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
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
    private static final String OMITTED_WHEN_NULL = "x-omitted-when-null";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Invalid JSON or fields (see errors)",
            "401", "No or bad credentials",
            "403", "Missing role",
            "404", "Not found",
            "409", "Conflict: duplicate, in use, or stale version",
            "503", "A dependency is down");

    @Bean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name) {
        return new OpenAPI()
                .info(new Info().title("Finance Tracker · " + name).version("1"))
                .servers(List.of(new Server().url("/").description("through the gateway")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * The problem schema is added here, with the responses that use it: springdoc drops schemas that nothing
     * references yet when it reads the {@link OpenAPI} bean, which left every reference to it unresolved.
     */
    @Bean
    GlobalOpenApiCustomizer problemResponses() {
        return openApi -> {
            answersAlwaysCarryEveryField(openApi);
            openApi.getComponents().addSchemas(PROBLEM, problem());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                    ERRORS.forEach((status, description) -> operation.getResponses().computeIfAbsent(status, s ->
                            new ApiResponse().description(description).content(new Content().addMediaType(
                                    "application/problem+json", new MediaType().schema(
                                            new Schema<>().$ref("#/components/schemas/" + PROBLEM))))))));
        };
    }

    /**
     * An answer always has every field of its record, {@code null} included (Jackson's default), unless the field
     * is left out when null ({@code @JsonInclude(NON_NULL)}); a request's fields are required only where validated.
     * So every property of a schema no request body uses is listed as required, and one that can be null says so
     * ({@code @Nullable}): the console's generated types then need no guessing.
     */
    @SuppressWarnings("rawtypes") // swagger-models' own signatures
    private static void answersAlwaysCarryEveryField(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> requests = new HashSet<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                .filter(operation -> operation.getRequestBody() != null)
                .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                .forEach(media -> addWithNested(requests, schemaName(media.getSchema()), schemas)));
        schemas.forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (requests.contains(name) || properties == null) {
                return;
            }
            List<String> required = new ArrayList<>();
            properties.forEach((property, propertySchema) -> {
                Map<String, Object> extensions = propertySchema.getExtensions();
                if (extensions == null || !extensions.containsKey(OMITTED_WHEN_NULL)) {
                    required.add(property);
                }
            });
            schema.setRequired(required);
        });
    }

    /** A request's schema and the schemas its properties refer to (a nested object of a request is a request). */
    @SuppressWarnings("rawtypes")
    private static void addWithNested(Set<String> requests, String name, Map<String, Schema> schemas) {
        Schema<?> schema = schemas.get(name);
        if (!requests.add(name) || schema == null || schema.getProperties() == null) {
            return;
        }
        schema.getProperties().values().forEach(property -> {
            addWithNested(requests, schemaName(property), schemas);
            if (property.getItems() != null) {
                addWithNested(requests, schemaName(property.getItems()), schemas);
            }
        });
    }

    private static String schemaName(Schema<?> schema) {
        return schema == null || schema.get$ref() == null ? ""
                : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    }

    /** Marks the fields {@link #answersAlwaysCarryEveryField} must treat specially, seen on the record's field. */
    @Bean
    PropertyCustomizer nullableFields() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations();
            for (Annotation annotation : annotations) {
                if (annotation instanceof Nullable && property.get$ref() == null) {
                    property.addType("null");
                } else if (annotation instanceof JsonInclude include
                        && include.value() == JsonInclude.Include.NON_NULL) {
                    property.addExtension(OMITTED_WHEN_NULL, true);
                }
            }
            return property;
        };
    }

    private static Schema<?> problem() {
        Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema()).required(List.of("field", "message"));
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema()).addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema()).addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
