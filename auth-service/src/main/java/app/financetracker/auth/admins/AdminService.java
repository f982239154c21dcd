package app.financetracker.auth.admins;

import app.financetracker.auth.audit.Actor;
import app.financetracker.auth.audit.AuditAction;
import app.financetracker.auth.audit.AuditLog;
import app.financetracker.auth.keycloak.Account;
import app.financetracker.auth.keycloak.KeycloakAccounts;
import app.financetracker.auth.keycloak.NewAccount;
import app.financetracker.auth.keycloak.PasswordRejectedException;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.security.Roles;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Admin accounts: users of the realm holding the role {@code admin}; super-admins also hold {@code super-admin}.
 * The rules that keep the console manageable live here: nobody deletes, disables or demotes themselves, and the
 * last enabled super-admin stays one.
 */
@Service
class AdminService {

    private final KeycloakAccounts accounts;
    private final AuditLog audit;

    AdminService(KeycloakAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    List<Admin> list() {
        Set<String> superAdmins = accounts.memberIdsOf(Roles.SUPER_ADMIN);
        return accounts.membersOf(Roles.ADMIN).stream()
                .map(account -> Admin.of(account, superAdmins.contains(account.id())))
                .sorted(Comparator.comparing(Admin::username))
                .toList();
    }

    Admin get(String id) {
        return admin(id);
    }

    CreatedAdmin create(Actor actor, NewAdmin request) {
        NewAdmin admin = request.normalized();
        String temporaryPassword = admin.hasPassword() ? null : TemporaryPasswords.generate();
        List<String> roles = admin.superAdmin() ? List.of(Roles.ADMIN, Roles.SUPER_ADMIN) : List.of(Roles.ADMIN);
        String id;
        try {
            id = accounts.create(new NewAccount(admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                    admin.hasPassword() ? admin.password() : temporaryPassword, !admin.hasPassword(), roles));
        } catch (PasswordRejectedException e) {
            if (!admin.hasPassword()) {
                throw new IllegalStateException("The realm refused a generated password: " + e.getMessage());
            }
            throw new BadRequestException("password", e.getMessage());
        }
        Admin created = new Admin(id, admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                admin.superAdmin(), true);
        audit.record(actor, AuditAction.ADMIN_CREATED, id, admin.username(),
                Map.of("superAdmin", admin.superAdmin(), "temporaryPassword", !admin.hasPassword()));
        return CreatedAdmin.of(created, temporaryPassword);
    }

    void delete(Actor actor, String id) {
        refuseSelf(actor, id, "delete");
        Admin target = admin(id);
        if (target.superAdmin()) {
            refuseLastSuperAdmin(id, "deleted");
        }
        accounts.delete(id);
        audit.record(actor, AuditAction.ADMIN_DELETED, id, target.username(), Map.of("superAdmin", target.superAdmin()));
    }

    Admin setEnabled(Actor actor, String id, boolean enabled) {
        if (!enabled) {
            refuseSelf(actor, id, "disable");
        }
        Admin target = admin(id);
        if (target.enabled() == enabled) {
            return target; // nothing to do, nothing to record
        }
        if (!enabled && target.superAdmin()) {
            refuseLastSuperAdmin(id, "disabled");
        }
        accounts.setEnabled(id, enabled);
        audit.record(actor, enabled ? AuditAction.ADMIN_ENABLED : AuditAction.ADMIN_DISABLED, id, target.username(),
                Map.of());
        return new Admin(target.id(), target.username(), target.email(), target.firstName(), target.lastName(),
                target.superAdmin(), enabled);
    }

    Admin setSuperAdmin(Actor actor, String id, boolean superAdmin) {
        refuseSelf(actor, id, "change the role of");
        Admin target = admin(id);
        if (target.superAdmin() == superAdmin) {
            return target;
        }
        if (superAdmin) {
            accounts.grant(id, List.of(Roles.SUPER_ADMIN));
        } else {
            refuseLastSuperAdmin(id, "demoted");
            accounts.revoke(id, Roles.SUPER_ADMIN);
        }
        audit.record(actor, superAdmin ? AuditAction.SUPER_ADMIN_GRANTED : AuditAction.SUPER_ADMIN_REVOKED, id,
                target.username(), Map.of());
        return new Admin(target.id(), target.username(), target.email(), target.firstName(), target.lastName(),
                superAdmin, target.enabled());
    }

    /** The account, if it is an admin: this API never touches other users of the realm (the service account!). */
    private Admin admin(String id) {
        Account account = accounts.find(id).orElseThrow(() -> new NotFoundException("Admin", id));
        Set<String> roles = accounts.realmRolesOf(id);
        if (!roles.contains(Roles.ADMIN)) {
            throw new NotFoundException("Admin", id);
        }
        return Admin.of(account, roles.contains(Roles.SUPER_ADMIN));
    }

    private static void refuseSelf(Actor actor, String id, String verb) {
        if (actor.id().equals(id)) {
            throw new ConflictException("You cannot " + verb + " your own account; ask another super-admin.");
        }
    }

    /** At least one other enabled super-admin must remain, or nobody could manage admins any more. */
    private void refuseLastSuperAdmin(String id, String participle) {
        boolean another = accounts.membersOf(Roles.SUPER_ADMIN).stream()
                .anyMatch(account -> !account.id().equals(id) && account.enabled());
        if (!another) {
            throw new ConflictException("This is the last enabled super-admin: it cannot be " + participle + ".");
        }
    }
}
