package app.financetracker.kit.entity;

import app.financetracker.kit.web.CallerLanguage;
import app.financetracker.security.Memberships;
import app.financetracker.security.Problems;
import app.financetracker.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Settles which entity an {@code /api/**} call acts in (DESIGN §9), once for every service: the {@code X-Entity}
 * header, or the caller's only entity. A caller of several who names none gets 400 listing them; an entity the
 * caller does not belong to (or none at all) is 403. The caller's authorities become the realm roles plus the roles
 * held in that entity, so that "needs {@code admin}" means "admin of this entity". Runs after the bearer token is
 * checked and before authorization. The caller's own profile and list of entities ({@link #ENTITY_FREE}) act in an
 * entity only when one is named or there is exactly one.
 */
public final class EntityResolution extends OncePerRequestFilter {

    /** Routes that make sense before an entity is chosen: who am I, which entities are mine, create one. */
    static final List<String> ENTITY_FREE = List.of("/api/me", "/api/entities");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (!(context.getAuthentication() instanceof JwtAuthenticationToken token)
                || !request.getRequestURI().startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        Memberships memberships = Memberships.of(token.getToken());
        Set<String> entities = memberships.entities();
        String named = request.getHeader(Memberships.HEADER);
        String entityId;
        if (named != null) {
            if (!memberships.belongsTo(named)) {
                refuse(response, 403, Problems.notInEntity(CallerLanguage.of(request), request.getRequestURI()));
                return;
            }
            entityId = named;
        } else if (entities.size() == 1) {
            entityId = entities.iterator().next();
        } else if (entityFree(request.getRequestURI())) {
            entityId = null;
        } else if (entities.isEmpty()) {
            refuse(response, 403, Problems.notInEntity(CallerLanguage.of(request), request.getRequestURI()));
            return;
        } else {
            refuse(response, 400, Problems.entityRequired(CallerLanguage.of(request), request.getRequestURI(), entities));
            return;
        }
        List<GrantedAuthority> authorities = new ArrayList<>(token.getAuthorities());
        if (entityId != null) {
            Roles.implied(memberships.rolesIn(entityId))
                    .forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        SecurityContext scoped = SecurityContextHolder.createEmptyContext();
        scoped.setAuthentication(new EntityAuthentication(token.getToken(), authorities, token.getName(), entityId));
        SecurityContextHolder.setContext(scoped);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(context);
        }
    }

    private static boolean entityFree(String path) {
        return ENTITY_FREE.stream().anyMatch(free -> path.equals(free) || path.startsWith(free + "/"));
    }

    private static void refuse(HttpServletResponse response, int status, byte[] problem) throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.getOutputStream().write(problem);
    }
}
