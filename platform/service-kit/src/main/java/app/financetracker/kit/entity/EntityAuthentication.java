package app.financetracker.kit.entity;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A caller acting in one entity: the token, and the authorities of the realm roles plus the roles held in that
 * entity. {@code entityId} is null only on the few routes that act in no entity (see {@link EntityResolution}).
 */
public final class EntityAuthentication extends JwtAuthenticationToken {

    private final String entityId;

    EntityAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, String entityId) {
        super(jwt, authorities, name);
        this.entityId = entityId;
    }

    public String entityId() {
        return entityId;
    }
}
