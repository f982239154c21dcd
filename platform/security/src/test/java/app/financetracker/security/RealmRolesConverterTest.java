package app.financetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRolesConverterTest {

    private static Jwt jwt(Map<String, Object> claims) {
        var builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claim("preferred_username", "alice");
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void realmRolesBecomeRoleAuthorities() {
        var jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("admin", "super-admin"))));

        assertThat(new RealmRolesConverter().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_admin", "ROLE_super-admin");
    }

    @Test
    void tokenWithoutRealmAccessHasNoRoles() {
        assertThat(new RealmRolesConverter().convert(jwt(Map.of("scope", "openid")))).isEmpty();
    }

    @Test
    void principalIsTheUsername() {
        var jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("admin"))));

        assertThat(RealmRolesConverter.jwtAuthenticationConverter().convert(jwt).getName()).isEqualTo("alice");
    }
}
