package app.financetracker.auth.audit;

/** What an admin did to an account. */
public enum AuditAction {
    ADMIN_CREATED,
    ADMIN_DELETED,
    ADMIN_ENABLED,
    ADMIN_DISABLED,
    SUPER_ADMIN_GRANTED,
    SUPER_ADMIN_REVOKED,
    PROFILE_CHANGED,
    PASSWORD_CHANGED
}
