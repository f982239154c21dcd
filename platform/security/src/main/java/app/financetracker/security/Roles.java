package app.financetracker.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The roles of DESIGN §4 and §9, as Spring Security authorities see them. {@link #PLATFORM_ADMIN} is a realm role
 * (the operator of a deployment); the others are held per entity ({@link Memberships}) and become the caller's
 * authorities only in the entity the request acts in.
 */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super-admin";
    public static final String AUDITOR = "auditor";
    public static final String MEMBER = "member";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** The roles an entity grants, strongest first. */
    public static final Set<String> ENTITY_ROLES = Set.of(SUPER_ADMIN, ADMIN, AUDITOR, MEMBER);

    private Roles() {
    }

    /** The authorities' role names that roles held in one entity give: a super-admin is an admin too. */
    public static Set<String> implied(Collection<String> entityRoles) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : entityRoles) {
            if (SUPER_ADMIN.equals(role)) {
                roles.add(ADMIN);
            }
            roles.add(role);
        }
        return roles;
    }

    /** The one role shown for an entity: the strongest held. */
    public static String strongest(Collection<String> entityRoles) {
        for (String role : new String[] {SUPER_ADMIN, ADMIN, AUDITOR, MEMBER}) {
            if (entityRoles.contains(role)) {
                return role;
            }
        }
        return null;
    }
}
