package app.financetracker.kit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Which entity a call acts in, and what the caller may do there (DESIGN §9). */
class EntityResolutionTest {

    private final AtomicReference<Authentication> seen = new AtomicReference<>();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theNamedEntityGivesTheRolesHeldThere() throws Exception {
        MockHttpServletResponse response = call("/api/users", "unit-b", "/entities/unit-a/super-admin",
                "/entities/unit-b/auditor");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(entityOf(seen.get())).isEqualTo("unit-b");
        assertThat(roles(seen.get())).containsExactlyInAnyOrder("ROLE_platform-admin", "ROLE_auditor");
    }

    @Test
    void theOnlyEntityNeedsNoHeaderAndASuperAdminIsAnAdminThere() throws Exception {
        call("/api/users", null, "/entities/unit-a/super-admin");

        assertThat(entityOf(seen.get())).isEqualTo("unit-a");
        assertThat(roles(seen.get())).contains("ROLE_admin", "ROLE_super-admin");
    }

    @Test
    void aForeignEntityIsForbiddenAndItsNameIsNotEchoed() throws Exception {
        MockHttpServletResponse response = call("/api/users", "unit-z", "/entities/unit-a/admin");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).doesNotContain("unit-z");
        assertThat(seen.get()).as("the call went no further").isNull();
    }

    @Test
    void aCallerOfSeveralWhoNamesNoneIsToldWhichExist() throws Exception {
        MockHttpServletResponse response = call("/api/transactions", null, "/entities/unit-a/admin",
                "/entities/unit-b/admin");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"entities\":[\"unit-a\",\"unit-b\"]", "X-Entity");
    }

    @Test
    void aCallerOfNoEntityIsForbiddenButMaySeeWhoTheyAre() throws Exception {
        assertThat(call("/api/users", null).getStatus()).isEqualTo(403);

        assertThat(call("/api/me", null).getStatus()).isEqualTo(200);
        assertThat(entityOf(seen.get())).isNull();
    }

    @Test
    void theCallersOwnListOfEntitiesActsInNoneWhenThereAreSeveral() throws Exception {
        assertThat(call("/api/entities", null, "/entities/unit-a/admin", "/entities/unit-b/admin").getStatus())
                .isEqualTo(200);
        assertThat(entityOf(seen.get())).isNull();
        assertThat(roles(seen.get())).containsExactly("ROLE_platform-admin");
    }

    private MockHttpServletResponse call(String path, String entity, String... groups) throws Exception {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("s1").claim("groups", List.of(groups))
                .issuedAt(Instant.now()).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt,
                List.of(new SimpleGrantedAuthority("ROLE_platform-admin")), "ada"));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (entity != null) {
            request.addHeader("X-Entity", entity);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        seen.set(null);
        new EntityResolution().doFilter(request, response, (req, res) -> seen.set(
                SecurityContextHolder.getContext().getAuthentication()));
        return response;
    }

    private static String entityOf(Authentication authentication) {
        return ((EntityAuthentication) authentication).entityId();
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
