package app.financetracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipsTest {

    @Test
    void readsEachEntityAndTheRolesHeldInIt() {
        Memberships memberships = Memberships.of(List.of("/entities/default/super-admin", "/entities/unit-7/auditor",
                "/entities/unit-7/admin", "/staff", "/entities/unit-9", "/entities/unit-9/owner", "/entities//admin"));

        assertThat(memberships.entities()).containsExactly("default", "unit-7");
        assertThat(memberships.rolesIn("unit-7")).containsExactlyInAnyOrder("admin", "auditor");
        assertThat(memberships.belongsTo("unit-9")).as("no known role there").isFalse();
        assertThat(memberships.rolesIn("elsewhere")).isEmpty();
    }

    @Test
    void aTokenWithoutGroupsBelongsNowhere() {
        assertThat(Memberships.of((List<String>) null).entities()).isEmpty();
    }

    @Test
    void aSuperAdminIsAnAdminTooAndTheStrongestRoleIsShown() {
        assertThat(Roles.implied(Set.of("super-admin"))).containsExactlyInAnyOrder("super-admin", "admin");
        assertThat(Roles.strongest(Set.of("auditor", "admin"))).isEqualTo("admin");
        assertThat(Memberships.groupPath("unit-7", "admin")).isEqualTo("/entities/unit-7/admin");
    }
}
