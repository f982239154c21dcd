package app.financetracker.events;

/** Names of the Redis streams of DESIGN §3. */
public final class Streams {

    public static final String USERS = "events:users";
    public static final String TRANSACTIONS = "events:transactions";

    private Streams() {
    }

    /** The dead-letter stream of a stream: entries delivered too often, with their error. */
    public static String deadLetter(String stream) {
        return stream + ":dlq";
    }
}
