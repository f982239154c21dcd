package app.financetracker.auth.audit;

import app.financetracker.events.EventTypes;
import java.util.List;

/**
 * What an action takes away from an account, published on {@code events:admins} (ADR 0014): the whole account
 * (deleted, disabled), or the roles named by their entity group paths ({@code /entities/<id>/<role>}), which every
 * service matches against the {@code groups} claim of a token issued in the second of the change.
 */
public record Revocation(String type, List<String> removedRoles) {

    public Revocation {
        removedRoles = List.copyOf(removedRoles);
    }

    public static Revocation accountDeleted() {
        return new Revocation(EventTypes.ADMIN_DELETED, List.of());
    }

    public static Revocation accountDisabled() {
        return new Revocation(EventTypes.ADMIN_DISABLED, List.of());
    }

    public static Revocation rolesRemoved(List<String> groupPaths) {
        return new Revocation(EventTypes.ADMIN_ROLE_REMOVED, groupPaths);
    }
}
