package app.financetracker.events;

import java.util.Set;

/** The event types of DESIGN §3. Consumers ignore types they do not know. */
public final class EventTypes {

    public static final String USER_CREATED = "UserCreated";
    public static final String USER_UPDATED = "UserUpdated";
    public static final String USER_DELETED = "UserDeleted";
    public static final String TRANSACTION_CREATED = "TransactionCreated";
    public static final String TRANSACTION_UPDATED = "TransactionUpdated";
    public static final String TRANSACTION_DELETED = "TransactionDeleted";

    public static final Set<String> MEMBER_EVENTS = Set.of(USER_CREATED, USER_UPDATED, USER_DELETED);
    public static final Set<String> TRANSACTION_EVENTS = Set.of(TRANSACTION_CREATED, TRANSACTION_UPDATED,
            TRANSACTION_DELETED);

    private EventTypes() {
    }
}
