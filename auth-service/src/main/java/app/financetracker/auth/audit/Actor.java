package app.financetracker.auth.audit;

import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the Keycloak user id ({@code sub}) and username of the access token. */
public record Actor(String id, String username) {

    public static Actor of(Jwt jwt) {
        return new Actor(jwt.getSubject(), jwt.getClaimAsString("preferred_username"));
    }
}
