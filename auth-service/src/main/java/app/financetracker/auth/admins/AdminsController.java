package app.financetracker.auth.admins;

import app.financetracker.auth.audit.Actor;
import app.financetracker.kit.entity.CurrentEntity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins of the current entity ({@code X-Entity}, DESIGN §9). Every admin of it may see who they are; creating,
 * deleting, enabling or disabling them and changing who is super-admin takes the {@code super-admin} role in it
 * (DESIGN §4).
 */
@RestController
@RequestMapping("/api/admins")
class AdminsController {

    private static final String SUPER_ADMIN = "hasRole('super-admin')";
    private final AdminService admins;

    AdminsController(AdminService admins) {
        this.admins = admins;
    }

    /** All admins, by username: a plain list, since an organisation has a handful of them. */
    @Operation(operationId = "listAdmins", summary = "The admins of the current entity, by username")
    @GetMapping
    List<Admin> list() {
        return admins.list(CurrentEntity.id());
    }

    @Operation(operationId = "getAdmin", summary = "One admin")
    @GetMapping("/{id}")
    Admin get(@PathVariable String id) {
        return admins.get(CurrentEntity.id(), id);
    }

    /**
     * A new account (with a temporary password when none is given), or, when the username is taken by an account
     * that is not yet an admin here, that account joins this entity: 201 without {@code temporaryPassword}, the
     * account keeping its own names, password and other entities.
     */
    @Operation(operationId = "createAdmin", summary = "Creates an admin, or makes an existing account one")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize(SUPER_ADMIN)
    ResponseEntity<CreatedAdmin> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewAdmin request) {
        CreatedAdmin created = admins.create(CurrentEntity.id(), Actor.of(jwt), request);
        return ResponseEntity.created(URI.create("/api/admins/" + created.id())).body(created);
    }

    /** The account leaves this entity; it is deleted from Keycloak only if it then belongs to no entity. */
    @Operation(operationId = "deleteAdmin", summary = "Removes an admin from the entity; their sessions end")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    @PreAuthorize(SUPER_ADMIN)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        admins.delete(CurrentEntity.id(), Actor.of(jwt), id);
        return ResponseEntity.noContent().build();
    }

    /** A disabled admin cannot sign in and their sessions end; the account and its history stay. */
    @Operation(operationId = "setAdminEnabled", summary = "Enables or disables an admin")
    @PutMapping("/{id}/enabled")
    @PreAuthorize(SUPER_ADMIN)
    Admin setEnabled(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                     @Valid @RequestBody EnabledChange change) {
        return admins.setEnabled(CurrentEntity.id(), Actor.of(jwt), id, change.enabled());
    }

    @Operation(operationId = "setAdminSuperAdmin", summary = "Grants or removes the super-admin role")
    @PutMapping("/{id}/super-admin")
    @PreAuthorize(SUPER_ADMIN)
    Admin setSuperAdmin(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                        @Valid @RequestBody SuperAdminChange change) {
        return admins.setSuperAdmin(CurrentEntity.id(), Actor.of(jwt), id, change.superAdmin());
    }
}
