package app.financetracker.testkit;

import app.financetracker.launcher.KeycloakDistribution;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

/** Real MongoDB 7, Redis 7 and Keycloak in containers, for machines with a Docker engine. */
final class ContainerInfra implements Infra {

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:" + KeycloakDistribution.version();

    private final MongoDBContainer mongo = new MongoDBContainer("mongo:7");
    private final GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine")
            .withCommand("redis-server", "--appendonly", "yes").withExposedPorts(6379);
    private final GenericContainer<?> keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
            .withCommand("start-dev", "--import-realm")
            // Back-channel logouts from inside the container reach a host's gateway only on a Docker host network.
            .withEnv(SharedKeycloak.REALM_ENVIRONMENT)
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin")
            .withCopyFileToContainer(MountableFile.forHostPath(
                    SharedKeycloak.root().resolve("keycloak/finance-tracker-realm.json")),
                    "/opt/keycloak/data/import/finance-tracker-realm.json")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/realms/finance-tracker/.well-known/openid-configuration")
                    .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    ContainerInfra() {
        mongo.start();
        redis.start();
        keycloak.start();
    }

    static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false; // no engine to ask, and asking logs a page of errors
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String redisHost() {
        return redis.getHost();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(6379);
    }

    @Override
    public String keycloakUrl() {
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
    }

    @Override
    public void restartRedis() {
        redis.getDockerClient().restartContainerCmd(redis.getContainerId()).exec();
    }
}
