package app.financetracker.events;

/** Names of the Redis streams of DESIGN §3. */
public final class Streams {

    public static final String USERS = "events:users";
    public static final String TRANSACTIONS = "events:transactions";
    /** Categories of transactions, created, renamed or recoloured, deleted (ADR 0018). */
    public static final String CATEGORIES = "events:categories";
    /** Changes to admin accounts that end their sessions and tokens (DESIGN §4: revocation). */
    public static final String ADMINS = "events:admins";

    private Streams() {
    }

    /** The dead-letter stream of a stream: entries delivered too often, with their error. */
    public static String deadLetter(String stream) {
        return stream + ":dlq";
    }
}
