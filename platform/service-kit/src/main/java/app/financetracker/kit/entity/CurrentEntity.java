package app.financetracker.kit.entity;

import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** The entity the current request acts in (DESIGN §9), as {@link EntityResolution} settled it. */
public final class CurrentEntity {

    private CurrentEntity() {
    }

    /**
     * The current request's entity.
     *
     * @throws IllegalStateException outside a request that acts in an entity: a programming error, since every
     *                               {@code /api/**} route but the entity-free ones is refused without one
     */
    public static String id() {
        return find().orElseThrow(() -> new IllegalStateException("This request acts in no entity"));
    }

    public static Optional<String> find() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof EntityAuthentication entity
                ? Optional.ofNullable(entity.entityId()) : Optional.empty();
    }
}
