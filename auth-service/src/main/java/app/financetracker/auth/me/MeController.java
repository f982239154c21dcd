package app.financetracker.auth.me;

import app.financetracker.security.RealmRolesConverter;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in admin, as the access token describes them. */
@RestController
@RequestMapping("/api/me")
class MeController {

    @GetMapping
    Me me(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = RealmRolesConverter.rolesOf(jwt.getClaimAsMap("realm_access")).stream()
                .filter(role -> role.equals("admin") || role.equals("super-admin"))
                .toList();
        return new Me(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"), roles);
    }

    record Me(String id, String username, String email, String firstName, String lastName, List<String> roles) {
    }
}
