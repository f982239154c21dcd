package app.financetracker.auth.entities;

import app.financetracker.auth.admins.AdminService;
import app.financetracker.auth.admins.CreatedAdmin;
import app.financetracker.auth.audit.Actor;
import app.financetracker.auth.keycloak.KeycloakAccounts;
import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import app.financetracker.security.Memberships;
import app.financetracker.security.Roles;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * The registry of entities. Membership is Keycloak's (the token's {@code groups}); this keeps their names, slugs and
 * settings.
 */
@Service
class EntityService {

    private static final List<String> GROUP_ROLES = List.of(Roles.SUPER_ADMIN, Roles.ADMIN, Roles.AUDITOR,
            Roles.MEMBER);

    private final EntityRepository entities;
    private final MongoTemplate mongo;
    private final KeycloakAccounts accounts;
    private final AdminService admins;

    EntityService(EntityRepository entities, MongoTemplate mongo, KeycloakAccounts accounts, AdminService admins) {
        this.entities = entities;
        this.mongo = mongo;
        this.accounts = accounts;
        this.admins = admins;
    }

    /**
     * The entities the token says the caller belongs to, by name. Being a platform admin adds none: the operator
     * sees the entities they are a member of, like anyone. An entity whose groups exist without a record here
     * (made straight in Keycloak) is still the caller's: it is listed under its id, in the default currency.
     */
    List<EntitySummary> mine(Jwt jwt) {
        Memberships memberships = Memberships.of(jwt);
        Map<String, Entity> known = entities.findAllById(memberships.entities()).stream()
                .collect(Collectors.toMap(Entity::id, Function.identity()));
        return memberships.entities().stream().map(id -> {
            String role = Roles.strongest(memberships.rolesIn(id));
            Entity entity = known.get(id);
            return entity == null ? new EntitySummary(id, id, id, Entity.DEFAULT_CURRENCY, role)
                    : new EntitySummary(id, entity.name(), entity.slug(), entity.currency(), role);
        }).sorted(Comparator.comparing(EntitySummary::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Reserves the slug first (a record in state {@code CREATING}), then makes the Keycloak groups and the first
     * super-admin, then marks the entity active. Each step is safe to repeat, so a creation that failed half-way
     * (Keycloak down: 503) leaves no state that blocks: a retry with the same slug takes the same entity up again
     * and finishes it (201). Only an active entity's slug is taken (409).
     */
    CreatedEntity create(Actor actor, NewEntity request) {
        NewEntity wanted = request.normalized();
        Entity entity = entities.findBySlug(wanted.slug()).map(existing -> {
            if (existing.state() == Entity.State.ACTIVE) {
                throw slugTaken();
            }
            return existing;
        }).orElseGet(() -> reserve(wanted));
        accounts.ensureGroups(GROUP_ROLES.stream().map(role -> Memberships.groupPath(entity.id(), role)).toList());
        CreatedAdmin first = admins.addFirstAdmin(entity.id(), actor, wanted.firstAdmin().asAdmin());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(entity.id())), new Update()
                .set("name", wanted.name()).set("currency", wanted.currency())
                .set("state", Entity.State.ACTIVE).set("updatedAt", Instant.now()), Entity.class);
        return new CreatedEntity(entity.id(), wanted.name(), entity.slug(), wanted.currency(),
                new CreatedEntityAdmin(first.id(), first.username(), first.temporaryPassword()));
    }

    private Entity reserve(NewEntity wanted) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Entity entity = new Entity(id, id, wanted.slug(), wanted.name(), wanted.currency(),
                Entity.Settings.initial(), Entity.State.CREATING, now, now, 0);
        try {
            return mongo.insert(entity);
        } catch (DuplicateKeyException e) {
            throw slugTaken(); // reserved meanwhile by a concurrent request
        }
    }

    /** Only the entity's super-admins get here: the route's access rule checks the token's memberships. */
    EntitySettings settings(String id) {
        return EntitySettings.of(entities.findById(id).orElseThrow(() -> new NotFoundException("Entity", id)));
    }

    EntitySettings update(String id, EntitySettings request) {
        if (request.version() == null) {
            throw new BadRequestException("version", "version.required");
        }
        Update update = new Update().set("name", request.name().strip()).set("currency", request.currency())
                .set("settings", request.toStored()).set("updatedAt", Instant.now())
                .set("version", request.version() + 1);
        Entity updated = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("version")
                .is(request.version())), update, FindAndModifyOptions.options().returnNew(true), Entity.class);
        if (updated == null) {
            if (entities.existsById(id)) {
                throw new ConflictException("settings.stale");
            }
            throw new NotFoundException("Entity", id);
        }
        return EntitySettings.of(updated);
    }

    private static ConflictException slugTaken() {
        return ConflictException.onField("slug", "entity.slugTaken");
    }
}
