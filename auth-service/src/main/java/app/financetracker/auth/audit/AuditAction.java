package app.financetracker.auth.audit;

/** What an admin did to an account, in one entity. */
public enum AuditAction {
    ADMIN_CREATED,
    /** An existing account became an admin of the entity (it already belonged to another one). */
    ADMIN_ADDED,
    ADMIN_DELETED,
    /** The account left the entity but stays, as it belongs to another entity (or runs the platform). */
    ADMIN_REMOVED,
    ADMIN_ENABLED,
    ADMIN_DISABLED,
    SUPER_ADMIN_GRANTED,
    SUPER_ADMIN_REVOKED,
    PROFILE_CHANGED,
    PASSWORD_CHANGED
}
