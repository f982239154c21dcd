package app.financetracker.testkit;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * A projection alone, in seconds: {@code @DataMongoTest} (Mongo and nothing else: no web, no Redis, no Keycloak)
 * on the embedded Mongo server, or on the test run's MongoDB container where Docker runs. The test imports the
 * projection and what it writes with, and hands it events directly, in any order and as often as it likes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataMongoTest
@ContextConfiguration(initializers = ProjectionSliceTest.SliceMongo.class)
public @interface ProjectionSliceTest {

    /** Points the slice at a Mongo: the containers' when Docker runs, else an embedded server of this JVM's own. */
    class SliceMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static String uri;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("projection-slice",
                    Map.of("spring.mongodb.uri", uri())));
        }

        private static synchronized String uri() {
            if (uri == null) {
                if (!"embedded".equals(System.getProperty("ft.infra")) && ContainerInfra.dockerAvailable()) {
                    uri = Infra.get().mongoUri();
                } else {
                    MongoServer server = new MongoServer(new MemoryBackend());
                    server.bind("127.0.0.1", 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                    uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
                }
            }
            return uri;
        }
    }
}
