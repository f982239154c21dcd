package app.financetracker.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The entities a token's holder belongs to and their roles in each (DESIGN §9). Keycloak keeps them as groups
 * {@code /entities/<entityId>/<role>} and writes the caller's group paths into the {@code groups} claim (ADR 0019).
 */
public record Memberships(Map<String, Set<String>> roles) {

    public static final String CLAIM = "groups";
    /** The request header that names the entity a call acts in. */
    public static final String HEADER = "X-Entity";
    public static final String GROUP_ROOT = "/entities/";

    public Memberships {
        roles = Map.copyOf(roles);
    }

    public static Memberships of(Jwt jwt) {
        return of(jwt.getClaimAsStringList(CLAIM));
    }

    /** Reads group paths; paths outside {@link #GROUP_ROOT} and unknown roles are not memberships. */
    public static Memberships of(Collection<String> groupPaths) {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (String path : groupPaths == null ? Set.<String>of() : groupPaths) {
            if (path == null || !path.startsWith(GROUP_ROOT)) {
                continue;
            }
            String[] parts = path.substring(GROUP_ROOT.length()).split("/");
            if (parts.length == 2 && !parts[0].isEmpty() && Roles.ENTITY_ROLES.contains(parts[1])) {
                roles.computeIfAbsent(parts[0], entity -> new TreeSet<>()).add(parts[1]);
            }
        }
        return new Memberships(roles);
    }

    /** The group path of a role in an entity. */
    public static String groupPath(String entityId, String role) {
        return GROUP_ROOT + entityId + "/" + role;
    }

    public Set<String> entities() {
        return new TreeSet<>(roles.keySet());
    }

    public boolean belongsTo(String entityId) {
        return entityId != null && roles.containsKey(entityId);
    }

    /** The roles held in that entity (none if the holder does not belong to it). */
    public Set<String> rolesIn(String entityId) {
        return roles.getOrDefault(entityId, Set.of());
    }
}
