package app.financetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the Docker and Kubernetes descriptors are checked for structure: what `docker
 * compose up` and `kubectl apply` would need to find in them.
 */
class DeploymentDescriptorsTest {

    private static final Path ROOT = Path.of(System.getProperty("ft.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> BACK_END = Set.of("auth-service", "user-service", "transaction-service",
            "report-service", "notification-service");
    /** Variables a service may leave at their default inside a container (its own port, tuning). */
    private static final Pattern LEFT_AT_DEFAULT = Pattern.compile("(GATEWAY|[A-Z]+_SERVICE)_PORT|MAX_REQUEST_SIZE");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> composeServices() throws IOException {
        return map(yaml(ROOT.resolve("docker-compose.yml")).get("services"));
    }

    @Test
    void composeRunsTheInfrastructureAndEveryServiceFromTheServiceImage() throws IOException {
        Map<String, Object> services = composeServices();

        assertThat(services).containsKeys("mongo", "redis", "keycloak", "gateway");
        assertThat(services).containsKeys(BACK_END.toArray(String[]::new));
        assertThat(map(services.get("mongo")).get("image")).isEqualTo("mongo:7");
        assertThat(map(services.get("redis")).get("image")).isEqualTo("redis:7-alpine");
        assertThat(String.valueOf(map(services.get("redis")).get("command"))).contains("--appendonly");
        for (String name : union(BACK_END, Set.of("gateway"))) {
            Map<String, Object> service = map(services.get(name));
            Map<String, Object> build = map(service.get("build"));
            assertThat(build.get("dockerfile")).isEqualTo("docker/service.Dockerfile");
            assertThat(map(build.get("args"))).containsEntry("SERVICE", name)
                    .containsEntry("PORT", String.valueOf(portOf(name)));
            assertThat(map(service.get("depends_on"))).as(name + " waits for").containsKeys("mongo", "redis", "keycloak")
                    .allSatisfy((dependency, condition) ->
                            assertThat(map(condition)).containsEntry("condition", "service_healthy"));
        }
        for (String name : List.of("mongo", "redis", "keycloak")) {
            assertThat(map(services.get(name))).as(name).containsKey("healthcheck");
        }
    }

    @Test
    void theServiceImageIsAMultiStageLayeredNonRootBuildWithAHealthCheck() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("docker/service.Dockerfile"));

        assertThat(dockerfile).contains("AS console", "AS build", "-pl ${SERVICE} -am package", "--layers",
                "USER 10001", "HEALTHCHECK", "/actuator/health/readiness");
    }

    /** The port a service listens on by default, from its application.yml. */
    private static int portOf(String name) throws IOException {
        Matcher port = Pattern.compile("(?m)^  port: \\$\\{[A-Z_]+_PORT:(\\d+)}").matcher(
                Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml")));
        assertThat(port.find()).as(name + " port").isTrue();
        return Integer.parseInt(port.group(1));
    }

    @Test
    void backEndServicesCanBeScaled() throws IOException {
        Map<String, Object> services = composeServices();

        for (String name : BACK_END) {
            assertThat(map(services.get(name))).as(name).doesNotContainKeys("container_name", "ports");
        }
        assertThat(services.entrySet().stream().filter(e -> map(e.getValue()).containsKey("ports")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("gateway", "keycloak");
    }

    @Test
    void everyVariableAServiceReadsIsSetInCompose() throws IOException {
        Map<String, Object> services = composeServices();
        String kitDefaults = Files.readString(ROOT.resolve(
                "platform/service-kit/src/main/resources/service-kit-defaults.yml"));
        List<String> missing = new ArrayList<>();
        for (String name : union(BACK_END, Set.of("gateway"))) {
            String config = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"))
                    + (name.equals("gateway") ? "" : kitDefaults);
            Set<String> environment = map(map(services.get(name)).get("environment")).keySet();
            for (String variable : variables(config)) {
                if (!environment.contains(variable) && !LEFT_AT_DEFAULT.matcher(variable).matches()) {
                    missing.add(name + ": " + variable);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void kubernetesManifestsDeployTheSameServicesWithProbes() throws IOException {
        for (String name : union(BACK_END, Set.of("gateway"))) {
            List<Map<String, Object>> documents = new ArrayList<>();
            new Yaml().loadAll(Files.readString(ROOT.resolve("deploy/k8s/" + name + ".yaml")))
                    .forEach(document -> documents.add(map(document)));
            assertThat(documents).extracting(d -> d.get("kind"))
                    .containsExactlyInAnyOrder("Deployment", "Service", "HorizontalPodAutoscaler");
            Map<String, Object> deployment = documents.stream().filter(d -> "Deployment".equals(d.get("kind")))
                    .findFirst().orElseThrow();
            Map<String, Object> container = map(((List<?>) map(map(map(deployment.get("spec")).get("template"))
                    .get("spec")).get("containers")).get(0));
            assertThat(container.get("image")).asString().contains("finance-tracker/" + name);
            assertThat(String.valueOf(container.get("readinessProbe"))).contains("/actuator/health/readiness");
            assertThat(String.valueOf(container.get("livenessProbe"))).contains("/actuator/health/liveness");
            assertThat(container).containsKey("resources");
        }
        assertThat(yaml(ROOT.resolve("deploy/k8s/configmap.yaml")).get("kind")).isEqualTo("ConfigMap");
        assertThat(yaml(ROOT.resolve("deploy/k8s/secret.yaml")).get("kind")).isEqualTo("Secret");
    }

    private static Set<String> variables(String config) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(config);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
