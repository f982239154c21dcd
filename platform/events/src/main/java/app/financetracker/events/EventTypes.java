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
    public static final String CATEGORY_CREATED = "CategoryCreated";
    public static final String CATEGORY_UPDATED = "CategoryUpdated";
    public static final String CATEGORY_DELETED = "CategoryDeleted";
    public static final String ADMIN_DELETED = "AdminDeleted";
    public static final String ADMIN_DISABLED = "AdminDisabled";
    /** A role was taken away (super-admin → admin); a granted role needs no revocation. */
    public static final String ADMIN_ROLE_REMOVED = "AdminRoleRemoved";

    public static final Set<String> MEMBER_EVENTS = Set.of(USER_CREATED, USER_UPDATED, USER_DELETED);
    public static final Set<String> TRANSACTION_EVENTS = Set.of(TRANSACTION_CREATED, TRANSACTION_UPDATED,
            TRANSACTION_DELETED);
    public static final Set<String> CATEGORY_EVENTS = Set.of(CATEGORY_CREATED, CATEGORY_UPDATED, CATEGORY_DELETED);
    /** Every token of the admin issued before such an event is refused from then on. */
    public static final Set<String> ADMIN_REVOCATIONS = Set.of(ADMIN_DELETED, ADMIN_DISABLED, ADMIN_ROLE_REMOVED);

    private EventTypes() {
    }
}
