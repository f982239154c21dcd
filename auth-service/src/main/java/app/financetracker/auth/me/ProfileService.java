package app.financetracker.auth.me;

import app.financetracker.auth.audit.Actor;
import app.financetracker.auth.audit.AuditAction;
import app.financetracker.auth.audit.AuditLog;
import app.financetracker.auth.keycloak.Account;
import app.financetracker.auth.keycloak.KeycloakAccounts;
import app.financetracker.auth.keycloak.KeycloakUnavailableException;
import app.financetracker.auth.keycloak.PasswordRejectedException;
import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.security.Memberships;
import app.financetracker.security.RealmRolesConverter;
import app.financetracker.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** The signed-in admin's own account, in Keycloak. */
@Service
class ProfileService {

    private final KeycloakAccounts accounts;
    private final AuditLog audit;

    ProfileService(KeycloakAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * The profile from Keycloak, so that a change shows at once (the token keeps the old names until it is
     * renewed). When Keycloak is down the token's copy is served instead: the console can still say who is signed
     * in. Roles always come from the token: they are what every service checks during this session.
     */
    Me me(Jwt jwt) {
        try {
            return accounts.find(jwt.getSubject()).map(account -> me(account, jwt)).orElseGet(() -> fromToken(jwt));
        } catch (KeycloakUnavailableException e) {
            return fromToken(jwt);
        }
    }

    Me update(Jwt jwt, ProfileUpdate request) {
        ProfileUpdate update = request.normalized();
        Account before = accounts.find(jwt.getSubject())
                .orElseThrow(() -> new NotFoundException("Account", jwt.getSubject()));
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.firstName(), update.firstName())) {
            changed.add("firstName");
        }
        if (!Objects.equals(before.lastName(), update.lastName())) {
            changed.add("lastName");
        }
        if (!update.email().equalsIgnoreCase(String.valueOf(before.email()))) {
            changed.add("email");
        }
        if (changed.isEmpty()) {
            return me(before, jwt);
        }
        Account after = accounts.update(before.id(), update.firstName(), update.lastName(), update.email());
        recordInEachEntity(jwt, AuditAction.PROFILE_CHANGED, Map.of("changed", changed));
        return me(after, jwt);
    }

    /**
     * The current password is checked by signing in with it, so a stolen session alone cannot take over the
     * account; the new one must pass the realm's password policy.
     */
    void changePassword(Jwt jwt, PasswordChange change) {
        Actor actor = Actor.of(jwt);
        if (!accounts.passwordMatches(actor.username(), change.currentPassword())) {
            throw new BadRequestException("currentPassword", "password.notCurrent");
        }
        try {
            accounts.setPassword(actor.id(), change.newPassword());
        } catch (PasswordRejectedException e) {
            throw new BadRequestException("newPassword", e.code(), e.count());
        }
        recordInEachEntity(jwt, AuditAction.PASSWORD_CHANGED, Map.of());
    }

    /** The account's language, for the console and Keycloak's pages alike (DESIGN §14). */
    void setLanguage(Jwt jwt, LanguageChoice choice) {
        accounts.setLanguage(jwt.getSubject(), choice.language());
    }

    private static Me me(Account account, Jwt jwt) {
        return new Me(account.id(), account.username(), account.email(), account.firstName(), account.lastName(),
                roles(jwt), account.language());
    }

    private static Me fromToken(Jwt jwt) {
        return new Me(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"), roles(jwt), jwt.getClaimAsString("locale"));
    }

    /**
     * An account's own profile is one for all its entities, so the change is in the audit of each of them, where
     * their super-admins look for it. An account of no entity (a platform operator only) is audited nowhere: no
     * audit trail would show it.
     */
    private void recordInEachEntity(Jwt jwt, AuditAction action, Map<String, Object> details) {
        Actor actor = Actor.of(jwt);
        Memberships.of(jwt).entities().forEach(entityId ->
                audit.record(entityId, actor, action, actor.id(), actor.username(), details));
    }

    /**
     * The roles in the request's entity ({@code X-Entity}, or the caller's only one), as every service sees them
     * during this request, plus {@code platform-admin} when held. None for the entity when none is chosen.
     */
    private static List<String> roles(Jwt jwt) {
        List<String> roles = new ArrayList<>(CurrentEntity.find()
                .map(entityId -> Roles.implied(Memberships.of(jwt).rolesIn(entityId))).orElseGet(Set::of));
        if (RealmRolesConverter.rolesOf(jwt.getClaimAsMap("realm_access")).contains(Roles.PLATFORM_ADMIN)) {
            roles.add(Roles.PLATFORM_ADMIN);
        }
        return roles;
    }
}
