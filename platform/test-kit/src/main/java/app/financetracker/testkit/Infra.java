package app.financetracker.testkit;

/**
 * The infrastructure of this test JVM, started on first use. Without Docker (or with
 * {@code -Dft.infra=embedded}): the embedded Mongo server in this JVM, a Redis server process, and the
 * Keycloak shared by the whole test run ({@link SharedKeycloak}). With a Docker engine: MongoDB, Redis and
 * Keycloak containers.
 */
public interface Infra {

    String mongoUri();

    String redisHost();

    int redisPort();

    String keycloakUrl();

    /** Stops Redis and starts it again on the same port with the same data (for recovery tests). */
    void restartRedis();

    static Infra get() {
        return Holder.INSTANCE;
    }

    final class Holder {
        static final Infra INSTANCE = create();

        private Holder() {
        }

        private static Infra create() {
            String mode = System.getProperty("ft.infra", "auto");
            if (!"embedded".equals(mode) && ContainerInfra.dockerAvailable()) {
                return new ContainerInfra();
            }
            return new EmbeddedInfra();
        }
    }
}
