package app.financetracker.auth.admins;

import app.financetracker.auth.audit.Actor;
import app.financetracker.auth.audit.AuditAction;
import app.financetracker.auth.audit.AuditLog;
import app.financetracker.auth.audit.Revocation;
import app.financetracker.auth.keycloak.Account;
import app.financetracker.auth.keycloak.KeycloakAccounts;
import app.financetracker.auth.keycloak.NewAccount;
import app.financetracker.auth.keycloak.PasswordRejectedException;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.security.Memberships;
import app.financetracker.security.Roles;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The admins of one entity: the accounts in its Keycloak groups {@code /entities/<id>/super-admin}, {@code admin} and
 * {@code auditor} (ADR 0019); a super-admin is in the first. One account may be an admin of several entities, so
 * "deleting" an admin takes it out of this entity, and removes the account only once it belongs to no entity. The
 * rules that keep an entity manageable live here: nobody deletes, disables or demotes themselves, and the last
 * enabled super-admin of the entity stays one.
 */
@Service
public class AdminService {

    /** The roles that make an account an admin of an entity; a member's (the portal, DESIGN §12) does not. */
    private static final List<String> ADMIN_ROLES = List.of(Roles.SUPER_ADMIN, Roles.ADMIN, Roles.AUDITOR);

    private final KeycloakAccounts accounts;
    private final AuditLog audit;

    AdminService(KeycloakAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    List<Admin> list(String entityId) {
        Map<String, Admin> admins = new LinkedHashMap<>();
        for (String role : ADMIN_ROLES) { // strongest first: a super-admin also in "admin" is listed as super-admin
            accounts.membersOf(Memberships.groupPath(entityId, role))
                    .forEach(account -> admins.putIfAbsent(account.id(), Admin.of(account, role.equals(Roles.SUPER_ADMIN))));
        }
        return admins.values().stream().sorted(Comparator.comparing(Admin::username)).toList();
    }

    Admin get(String entityId, String id) {
        return admin(entityId, id).admin();
    }

    /** {@code POST /api/admins}: an account that is already an admin of the entity is a 409. */
    CreatedAdmin create(String entityId, Actor actor, NewAdmin request) {
        return add(entityId, actor, request.normalized(), false);
    }

    /**
     * The first super-admin of a new entity ({@code POST /api/entities}), made like any admin. An account that is
     * already its super-admin is answered as if just added: that is a retry of a creation that failed after it.
     */
    public CreatedAdmin addFirstAdmin(String entityId, Actor actor, NewAdmin request) {
        NewAdmin admin = request.normalized();
        return add(entityId, actor, new NewAdmin(admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                admin.password(), true), true);
    }

    private CreatedAdmin add(String entityId, Actor actor, NewAdmin admin, boolean retried) {
        String group = Memberships.groupPath(entityId, admin.superAdmin() ? Roles.SUPER_ADMIN : Roles.ADMIN);
        accounts.ensureGroups(List.of(group)); // an entity made outside this API may lack the group
        Optional<Account> existing = accounts.findByUsername(admin.username());
        if (existing.isPresent()) {
            return addExisting(entityId, actor, existing.get(), group, admin.superAdmin(), retried);
        }
        String temporaryPassword = admin.hasPassword() ? null : TemporaryPasswords.generate();
        String id;
        try {
            id = accounts.create(new NewAccount(admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                    admin.hasPassword() ? admin.password() : temporaryPassword, !admin.hasPassword(), List.of(group)));
        } catch (PasswordRejectedException e) {
            if (!admin.hasPassword()) {
                throw new IllegalStateException("The realm refused a generated password: " + e.getMessage());
            }
            throw new BadRequestException("password", e.code(), e.count());
        }
        Admin created = new Admin(id, admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                admin.superAdmin(), true);
        audit.record(entityId, actor, AuditAction.ADMIN_CREATED, id, admin.username(),
                Map.of("superAdmin", admin.superAdmin(), "temporaryPassword", !admin.hasPassword()));
        return CreatedAdmin.of(created, temporaryPassword);
    }

    /**
     * An account of another entity becomes an admin of this one too, as it is: its names, e-mail and password stay
     * (the request's are not applied: they are its owner's, and other entities see them).
     */
    private CreatedAdmin addExisting(String entityId, Actor actor, Account account, String group, boolean superAdmin,
                                     boolean retried) {
        Set<String> held = Memberships.of(accounts.groupsOf(account.id())).rolesIn(entityId);
        if (retried && held.contains(Roles.SUPER_ADMIN)) {
            return CreatedAdmin.of(Admin.of(account, true), null);
        }
        if (ADMIN_ROLES.stream().anyMatch(held::contains)) {
            throw ConflictException.onField("username", "admin.alreadyAdmin");
        }
        accounts.join(account.id(), group);
        audit.record(entityId, actor, AuditAction.ADMIN_ADDED, account.id(), account.username(),
                Map.of("superAdmin", superAdmin));
        return CreatedAdmin.of(Admin.of(account, superAdmin), null);
    }

    /**
     * The account leaves every group of this entity; once it belongs to no entity (and does not run the platform)
     * it is deleted from Keycloak. Either way its tokens are revoked: the ones it holds name this entity's roles.
     */
    void delete(String entityId, Actor actor, String id) {
        refuseSelf(actor, id, "delete");
        Target target = admin(entityId, id);
        if (target.admin().superAdmin()) {
            refuseLastSuperAdmin(entityId, id, "deleted");
        }
        Memberships memberships = Memberships.of(target.groups());
        boolean keepAccount = memberships.entities().stream().anyMatch(other -> !other.equals(entityId))
                || accounts.realmRolesOf(id).contains(Roles.PLATFORM_ADMIN);
        Map<String, Object> details = Map.of("superAdmin", target.admin().superAdmin());
        if (keepAccount) {
            List<String> removed = memberships.rolesIn(entityId).stream()
                    .map(role -> Memberships.groupPath(entityId, role)).toList();
            removed.forEach(path -> accounts.leave(id, path));
            audit.record(entityId, actor, AuditAction.ADMIN_REMOVED, id, target.admin().username(), details,
                    Revocation.rolesRemoved(removed));
        } else {
            accounts.delete(id);
            audit.record(entityId, actor, AuditAction.ADMIN_DELETED, id, target.admin().username(), details,
                    Revocation.accountDeleted());
        }
    }

    /**
     * An account is enabled or disabled as a whole, in every entity it belongs to: so this entity's super-admins may
     * do it only to an account that belongs to this entity alone. One shared with another entity is taken out of
     * this one instead ({@code DELETE}).
     */
    Admin setEnabled(String entityId, Actor actor, String id, boolean enabled) {
        if (!enabled) {
            refuseSelf(actor, id, "disable");
        }
        Target target = admin(entityId, id);
        Admin admin = target.admin();
        if (admin.enabled() == enabled) {
            return admin; // nothing to do, nothing to record
        }
        if (Memberships.of(target.groups()).entities().stream().anyMatch(other -> !other.equals(entityId))) {
            throw new ConflictException(enabled ? "admin.otherEntities.enable" : "admin.otherEntities.disable");
        }
        if (!enabled && admin.superAdmin()) {
            refuseLastSuperAdmin(entityId, id, "disabled");
        }
        accounts.setEnabled(id, enabled);
        if (enabled) {
            audit.record(entityId, actor, AuditAction.ADMIN_ENABLED, id, admin.username(), Map.of());
        } else {
            audit.record(entityId, actor, AuditAction.ADMIN_DISABLED, id, admin.username(), Map.of(),
                    Revocation.accountDisabled());
        }
        return new Admin(admin.id(), admin.username(), admin.email(), admin.firstName(), admin.lastName(),
                admin.superAdmin(), enabled);
    }

    /**
     * One group per role: a promoted admin moves from {@code admin} (or {@code auditor}) to {@code super-admin}, a
     * demoted one back to {@code admin}, joining the new group before leaving the old so that they never fall out
     * of the entity half-way.
     */
    Admin setSuperAdmin(String entityId, Actor actor, String id, boolean superAdmin) {
        refuseSelf(actor, id, "role");
        Admin target = admin(entityId, id).admin();
        if (target.superAdmin() == superAdmin) {
            return target;
        }
        String superAdmins = Memberships.groupPath(entityId, Roles.SUPER_ADMIN);
        if (superAdmin) {
            accounts.join(id, superAdmins);
            accounts.leave(id, Memberships.groupPath(entityId, Roles.ADMIN));
            accounts.leave(id, Memberships.groupPath(entityId, Roles.AUDITOR));
            audit.record(entityId, actor, AuditAction.SUPER_ADMIN_GRANTED, id, target.username(), Map.of());
        } else {
            refuseLastSuperAdmin(entityId, id, "demoted");
            accounts.join(id, Memberships.groupPath(entityId, Roles.ADMIN));
            accounts.leave(id, superAdmins);
            audit.record(entityId, actor, AuditAction.SUPER_ADMIN_REVOKED, id, target.username(), Map.of(),
                    Revocation.rolesRemoved(List.of(superAdmins)));
        }
        return new Admin(target.id(), target.username(), target.email(), target.firstName(), target.lastName(),
                superAdmin, target.enabled());
    }

    /** An admin of the entity, and every group the account is in. */
    private record Target(Admin admin, Set<String> groups) {
    }

    /**
     * The account, if it is an admin of this entity: this API never touches other users of the realm (the service
     * account!) nor admins of other entities only, which answer 404 exactly as an unknown id.
     */
    private Target admin(String entityId, String id) {
        Account account = accounts.find(id).orElseThrow(() -> new NotFoundException("Admin", id));
        Set<String> groups = accounts.groupsOf(id);
        Set<String> roles = Memberships.of(groups).rolesIn(entityId);
        if (ADMIN_ROLES.stream().noneMatch(roles::contains)) {
            throw new NotFoundException("Admin", id);
        }
        return new Target(Admin.of(account, roles.contains(Roles.SUPER_ADMIN)), groups);
    }

    private static void refuseSelf(Actor actor, String id, String verb) {
        if (actor.id().equals(id)) {
            throw new ConflictException("admin.self." + verb);
        }
    }

    /** At least one other enabled super-admin of the entity must remain, or nobody could manage its admins. */
    private void refuseLastSuperAdmin(String entityId, String id, String participle) {
        boolean another = accounts.membersOf(Memberships.groupPath(entityId, Roles.SUPER_ADMIN)).stream()
                .anyMatch(account -> !account.id().equals(id) && account.enabled());
        if (!another) {
            throw new ConflictException("admin.lastSuperAdmin." + participle);
        }
    }
}
