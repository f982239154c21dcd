package app.financetracker.user.member;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.kit.outbox.OutboxRelay;
import app.financetracker.kit.validation.StructuredReference;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Members' standing references (DESIGN §10), their sections and archiving, through the API on the embedded Mongo. */
@ServiceIntegrationTest
class MemberReferenceTest {

    private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile(
            "\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    MemberCacheKeys cacheKeys;

    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.at("http://localhost:" + port).as(Tokens.admin());
    }

    /** A member of that last name (MemberApiTest's body), with {@code more} fields as name, value pairs. */
    private static Map<String, Object> member(String lastName, Object... more) {
        Map<String, Object> body = MemberApiTest.member("Lou", lastName, MemberApiTest.unique(lastName));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private List<String> ids(String query) {
        return admin.get("/api/users?size=100&" + query).json().at("/content").findValuesAsString("id");
    }

    @Test
    void aNewMemberHasAReferenceTheSearchFindsHoweverItIsTyped() {
        var created = admin.post("/api/users", member("Reference"));
        String reference = created.at("/reference");
        assertThat(reference).matches(WRITTEN);
        String digits = reference.replaceAll("\\D", "");
        assertThat(StructuredReference.parse(digits)).contains(digits);

        for (String typed : List.of(reference, digits, digits.substring(0, 3) + " " + digits.substring(3, 7) + " "
                + digits.substring(7), reference.substring(0, 11))) {
            assertThat(ids("q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8)))
                    .as(typed).contains(created.at("/id"));
        }
        // The reference is the service's: one sent with a change is ignored.
        var changed = admin.put("/api/users/" + created.at("/id"), member("Reference", "version", 0,
                "reference", "+++090/9337/55493+++"));
        assertThat(changed.at("/reference")).isEqualTo(reference);
    }

    @Test
    void membersCreatedTogetherEachGetTheirOwnReference() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> creations = IntStream.range(0, 40).<Callable<String>>mapToObj(i -> () ->
                    admin.post("/api/users", member("Concurrent" + i)).at("/reference")).toList();
            List<String> references = pool.invokeAll(creations).stream().map(MemberReferenceTest::get).toList();
            assertThat(references).allMatch(r -> WRITTEN.matcher(r).matches()).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aReferenceAnotherMemberHoldsIsDrawnAgain() {
        String taken = StructuredReference.forMember();
        Deque<String> draws = new ArrayDeque<>(List.of(taken, taken, StructuredReference.forMember()));
        MemberService colliding = new MemberService(mongo, relay, cacheKeys, draws::pop);

        var first = colliding.create("default", new MemberRequest("Ana", "First", MemberApiTest.unique("ana"), null, null, null, null,
                null));
        var second = colliding.create("default", new MemberRequest("Ben", "Second", MemberApiTest.unique("ben"), null, null, null, null,
                null));

        assertThat(first.reference()).isEqualTo(StructuredReference.format(taken));
        assertThat(second.reference()).isNotEqualTo(first.reference()).matches(WRITTEN);
        assertThat(draws).isEmpty();
    }

    @Test
    void membersMadeBeforeReferencesGetOneAtStartOnce() {
        // One per entity: the embedded server, unlike MongoDB, counts members without a reference in the index.
        List<String> old = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        old.forEach(id -> mongo.insert(new Document(Map.of("_id", id, "entityId", "old-" + id, "firstName", "Old",
                "lastName", id, "email", id + "@example.com", "createdAt", new java.util.Date(), "version", 0L, "balanceSeq", 0L,
                "deleted", false)), Member.COLLECTION));

        new MemberReferences(mongo).afterPropertiesSet();
        List<String> assigned = old.stream().map(id -> mongo.findById(id, Member.class).reference()).toList();
        new MemberReferences(mongo).afterPropertiesSet();

        assertThat(assigned).allMatch(r -> StructuredReference.parse(r).isPresent());
        assertThat(old.stream().map(id -> mongo.findById(id, Member.class).reference())).isEqualTo(assigned);
        assertThat(MemberResponse.of(mongo.findById(old.get(0), Member.class)).reference())
                .isEqualTo(StructuredReference.format(assigned.get(0)));
    }

    @Test
    void sectionsFilterTheListAndAnArchivedMemberLeavesItWithTheirBalanceKept() {
        String marker = "Section" + UUID.randomUUID().toString().substring(0, 6);
        var baladin = admin.post("/api/users", member(marker + "a", "tags", List.of("Baladins", " baladins ",
                "Louveteaux"), "language", "nl", "iban", "be68 5390 0754 7034"));
        var louveteau = admin.post("/api/users", member(marker + "b", "tags", List.of("Louveteaux")));
        assertThat(baladin.json().get("tags").valueStream().map(t -> t.asString()).toList())
                .containsExactly("Baladins", "Louveteaux");
        assertThat(baladin.at("/language")).isEqualTo("nl");
        assertThat(baladin.at("/iban")).isEqualTo("BE68539007547034");

        assertThat(ids("q=" + marker + "&tag=Baladins")).containsExactly(baladin.at("/id"));
        assertThat(ids("q=" + marker + "&tag=Louveteaux")).containsExactlyInAnyOrder(baladin.at("/id"),
                louveteau.at("/id"));

        var archived = admin.post("/api/users/" + louveteau.at("/id") + "/archive", Map.of());
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.at("/archived")).isEqualTo("true");
        assertThat(admin.post("/api/users/" + louveteau.at("/id") + "/archive", Map.of()).at("/version"))
                .as("archiving twice changes nothing more").isEqualTo(archived.at("/version"));
        assertThat(ids("q=" + marker)).containsExactly(baladin.at("/id"));
        assertThat(ids("q=" + marker + "&archived=true")).containsExactlyInAnyOrder(baladin.at("/id"),
                louveteau.at("/id"));
        assertThat(admin.get("/api/users/" + louveteau.at("/id")).at("/archived")).isEqualTo("true");

        assertThat(admin.post("/api/users/" + louveteau.at("/id") + "/unarchive", Map.of()).at("/archived"))
                .isEqualTo("false");
        assertThat(ids("q=" + marker)).hasSize(2);
        assertThat(admin.post("/api/users/nobody/archive", Map.of()).status()).isEqualTo(404);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
