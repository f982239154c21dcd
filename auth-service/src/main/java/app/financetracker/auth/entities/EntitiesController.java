package app.financetracker.auth.entities;

import app.financetracker.auth.audit.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisations of the deployment (DESIGN §9). These routes act in no entity: {@code X-Entity} is not needed.
 * Who may call which is the filter chain's ({@link EntityConfiguration}): anyone of an entity lists theirs, the
 * platform operator creates them, an entity's super-admins read and change its settings.
 */
@RestController
@RequestMapping("/api/entities")
class EntitiesController {

    private final EntityService entities;

    EntitiesController(EntityService entities) {
        this.entities = entities;
    }

    @Operation(operationId = "listEntities", summary = "The caller's entities, with their role in each")
    @GetMapping
    List<EntitySummary> list(@AuthenticationPrincipal Jwt jwt) {
        return entities.mine(jwt);
    }

    @Operation(operationId = "createEntity", summary = "Creates an entity with its first super-admin")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasRole('platform-admin')")
    ResponseEntity<CreatedEntity> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewEntity request) {
        CreatedEntity created = entities.create(Actor.of(jwt), request);
        return ResponseEntity.created(URI.create("/api/entities/" + created.id() + "/settings")).body(created);
    }

    @Operation(operationId = "getEntitySettings", summary = "An entity's settings (its super-admins)")
    @GetMapping("/{id}/settings")
    EntitySettings settings(@PathVariable String id) {
        return entities.settings(id);
    }

    @Operation(operationId = "updateEntitySettings", summary = "Changes an entity's settings (its super-admins)")
    @PutMapping("/{id}/settings")
    EntitySettings update(@PathVariable String id, @Valid @RequestBody EntitySettings settings) {
        return entities.update(id, settings);
    }
}
