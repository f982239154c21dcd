package app.financetracker.events;

/** The event types of DESIGN §3. Consumers ignore types they do not know. */
public final class EventTypes {

    public static final String USER_CREATED = "UserCreated";
    public static final String USER_UPDATED = "UserUpdated";
    public static final String USER_DELETED = "UserDeleted";
    public static final String TRANSACTION_CREATED = "TransactionCreated";
    public static final String TRANSACTION_UPDATED = "TransactionUpdated";
    public static final String TRANSACTION_DELETED = "TransactionDeleted";

    private EventTypes() {
    }
}
