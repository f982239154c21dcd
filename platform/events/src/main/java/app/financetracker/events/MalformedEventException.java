package app.financetracker.events;

/** A stream entry that no retry can make readable: it belongs in the dead-letter stream. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
