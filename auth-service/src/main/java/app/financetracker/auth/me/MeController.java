package app.financetracker.auth.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in admin: their profile and password. */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final ProfileService profiles;

    MeController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "getMe", summary = "The signed-in admin's profile")
    @GetMapping
    Me me(@AuthenticationPrincipal Jwt jwt) {
        return profiles.me(jwt);
    }

    @Operation(operationId = "updateMe", summary = "Changes the signed-in admin's profile")
    @PutMapping
    Me update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileUpdate update) {
        return profiles.update(jwt, update);
    }

    @Operation(operationId = "setLanguage", summary = "Keeps the language the signed-in admin chose",
            description = "The console and Keycloak's sign-in pages then speak it to this account in every browser.")
    @ApiResponse(responseCode = "204", description = "Done")
    @PutMapping("/language")
    ResponseEntity<Void> setLanguage(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody LanguageChoice choice) {
        profiles.setLanguage(jwt, choice);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "changePassword", summary = "Changes the signed-in admin's password")
    @ApiResponse(responseCode = "204", description = "Done")
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange change) {
        profiles.changePassword(jwt, change);
        return ResponseEntity.noContent().build();
    }
}
