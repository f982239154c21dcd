package app.financetracker.auth.admins;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin accounts. Every admin may see who the admins are; creating, deleting, enabling or disabling them and
 * changing who is super-admin takes the {@code super-admin} role (DESIGN §4).
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
    @Operation(operationId = "listAdmins", summary = "All admins, by username")
    @GetMapping
    List<Admin> list() {
        return admins.list();
    }

    @Operation(operationId = "getAdmin", summary = "One admin")
    @GetMapping("/{id}")
    Admin get(@PathVariable String id) {
        return admins.get(id);
    }

    @Operation(operationId = "createAdmin", summary = "Creates an admin with a temporary password")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize(SUPER_ADMIN)
    ResponseEntity<CreatedAdmin> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody NewAdmin request) {
        CreatedAdmin created = admins.create(Actor.of(jwt), request);
        return ResponseEntity.created(URI.create("/api/admins/" + created.id())).body(created);
    }

    @Operation(operationId = "deleteAdmin", summary = "Deletes an admin; their sessions end")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    @PreAuthorize(SUPER_ADMIN)
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        admins.delete(Actor.of(jwt), id);
        return ResponseEntity.noContent().build();
    }

    /** A disabled admin cannot sign in and their sessions end; the account and its history stay. */
    @Operation(operationId = "setAdminEnabled", summary = "Enables or disables an admin")
    @PutMapping("/{id}/enabled")
    @PreAuthorize(SUPER_ADMIN)
    Admin setEnabled(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                     @Valid @RequestBody EnabledChange change) {
        return admins.setEnabled(Actor.of(jwt), id, change.enabled());
    }

    @Operation(operationId = "setAdminSuperAdmin", summary = "Grants or removes the super-admin role")
    @PutMapping("/{id}/super-admin")
    @PreAuthorize(SUPER_ADMIN)
    Admin setSuperAdmin(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                        @Valid @RequestBody SuperAdminChange change) {
        return admins.setSuperAdmin(Actor.of(jwt), id, change.superAdmin());
    }
}
