package app.financetracker.auth.entities;

import app.financetracker.events.EventEnvelope;
import app.financetracker.kit.security.ApiAccessRules;
import app.financetracker.security.Memberships;
import app.financetracker.security.RealmRolesConverter;
import app.financetracker.security.Roles;
import java.time.Instant;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EntityProperties.class)
class EntityConfiguration {

    /**
     * The default entity exists from the first start on (DESIGN §9): its groups come with the realm file, its
     * record is made here, once (an upsert that only sets fields on insert, so every later start leaves it as it
     * is). Before the web server starts, like the kit's migration of older data into it.
     */
    @Bean
    SmartInitializingSingleton defaultEntity(MongoTemplate mongo, EntityProperties properties) {
        return () -> {
            Instant now = Instant.now();
            mongo.upsert(Query.query(Criteria.where("_id").is(EventEnvelope.DEFAULT_ENTITY)), new Update()
                    .setOnInsert("entityId", EventEnvelope.DEFAULT_ENTITY)
                    .setOnInsert("slug", EventEnvelope.DEFAULT_ENTITY)
                    .setOnInsert("name", properties.defaultName())
                    .setOnInsert("currency", Entity.DEFAULT_CURRENCY)
                    .setOnInsert("settings.defaultLanguage", Entity.Settings.DEFAULT_LANGUAGE)
                    .setOnInsert("settings.receiptEmails", false)
                    .setOnInsert("state", Entity.State.ACTIVE.name())
                    .setOnInsert("createdAt", now)
                    .setOnInsert("updatedAt", now)
                    .setOnInsert("version", 0L), Entity.class);
        };
    }

    /**
     * The caller's own profile and entities are reached before an entity is chosen (the kit's filter lets them
     * through without one), so they cannot need the role {@code admin} of the current entity as the rest of
     * {@code /api/**} does: any account that belongs to an entity, in any role, or runs the platform may use them.
     * Creating an entity is the platform operator's. An entity's settings are its super-admins', whatever entity
     * the request acts in: the token's memberships decide, so a caller outside the entity gets 403 whether or not it
     * exists (no existence leak), before the body is even read.
     */
    @Bean
    ApiAccessRules entityFreeRoutes() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/entities").hasRole(Roles.PLATFORM_ADMIN)
                .requestMatchers("/api/entities/{id}/settings").access((authentication, context) ->
                        new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                                && Memberships.of(token.getToken()).rolesIn(context.getVariables().get("id"))
                                        .contains(Roles.SUPER_ADMIN)))
                .requestMatchers("/api/me", "/api/me/**", "/api/entities", "/api/entities/**")
                .access((authentication, context) -> new AuthorizationDecision(
                        authentication.get() instanceof JwtAuthenticationToken token
                                && (!Memberships.of(token.getToken()).entities().isEmpty()
                                || RealmRolesConverter.rolesOf(token.getToken().getClaimAsMap("realm_access"))
                                        .contains(Roles.PLATFORM_ADMIN))));
    }
}
