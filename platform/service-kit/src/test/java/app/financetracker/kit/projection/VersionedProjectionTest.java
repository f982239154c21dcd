package app.financetracker.kit.projection;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.testkit.Infra;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/** The compare-and-set on {@code {_id, version}}, against the test run's Mongo (embedded, or MongoDB in Docker). */
class VersionedProjectionTest {

    static final String COLLECTION = "projection_test";
    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Infra.get().mongoUri());
        mongo = new MongoTemplate(client, "versioned-projection-test");
        VersionedProjection.ensureIndex(mongo, COLLECTION);
        VersionedProjection.ensureIndex(mongo, COLLECTION); // at every start: must not fail when it exists
    }

    @AfterAll
    static void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aNewerVersionReplacesAndAnOlderOrEqualOneIsIgnored() {
        String id = UUID.randomUUID().toString();

        assertThat(apply(id, 2, "second")).isTrue();
        assertThat(apply(id, 1, "first")).isFalse();
        assertThat(apply(id, 2, "second again")).isFalse();
        assertThat(stored(id)).containsEntry("state", "second").containsEntry("version", 2L);
        assertThat(apply(id, 3, "third")).isTrue();
        assertThat(stored(id)).containsEntry("state", "third").containsEntry("version", 3L);
    }

    @Test
    void concurrentWritersInAnyOrderLeaveTheNewestState() throws Exception {
        String id = UUID.randomUUID().toString();
        List<Integer> versions = new ArrayList<>(IntStream.rangeClosed(1, 60).boxed().toList());
        versions.addAll(versions); // every version delivered twice
        Collections.shuffle(versions, new Random(20261125));
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = versions.stream()
                    .map(version -> writers.submit(() -> apply(id, version, "state " + version))).toList();
            for (Future<Boolean> result : results) {
                result.get();
            }
        } finally {
            writers.shutdown();
        }

        assertThat(stored(id)).containsEntry("state", "state 60").containsEntry("version", 60L);
    }

    private static boolean apply(String id, long version, String state) {
        return VersionedProjection.applyIfNewer(mongo, COLLECTION, id, version, new Update().set("state", state));
    }

    private static Document stored(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }
}
