package app.financetracker.testkit;

import java.util.Map;
import java.util.UUID;

/**
 * Two fresh entities for one test class's isolation tests (DESIGN §9), and an admin of each and one of both, made
 * in the test run's Keycloak on the first token asked for (so a test class may hold one in a static field). Their
 * names carry a random run id, so test classes and runs never share them.
 */
public final class TwoEntities {

    private static final String PASSWORD = "Isolation@1234";

    /** The run id in the entities' and users' names, for markers of the class's own data. */
    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final String a = "iso-a-" + run;
    public final String b = "iso-b-" + run;
    private final String who;
    private boolean made;

    /** @param who what the test's users are called after, e.g. the service under test */
    public TwoEntities(String who) {
        this.who = who;
    }

    /** An admin of A only. */
    public String tokenOfA() {
        return token("a");
    }

    /** An admin of B only. */
    public String tokenOfB() {
        return token("b");
    }

    /** An admin of both entities, who must name one with {@code X-Entity}. */
    public String tokenOfBoth() {
        return token("ab");
    }

    private synchronized String token(String of) {
        if (!made) {
            Tokens.ensureUser(username("a"), PASSWORD, Map.of(a, "admin"));
            Tokens.ensureUser(username("b"), PASSWORD, Map.of(b, "admin"));
            Tokens.ensureUser(username("ab"), PASSWORD, Map.of(a, "admin", b, "admin"));
            made = true;
        }
        return Tokens.password(username(of), PASSWORD);
    }

    private String username(String of) {
        return who + "-" + of + "-" + run;
    }
}
