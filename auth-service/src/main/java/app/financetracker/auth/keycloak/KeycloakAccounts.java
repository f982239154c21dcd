package app.financetracker.auth.keycloak;

import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import app.financetracker.kit.web.NotFoundException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ServerErrorException;
import jakarta.ws.rs.core.Response;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The realm's users, through Keycloak's admin API (and its token endpoint to check a password). Every call goes
 * through one circuit breaker with a time limit: when Keycloak is down, callers get a 503 problem in seconds, and
 * once the circuit is open, at once. Keycloak's refusals become the API's problems here (404, 409, 400 with the
 * field), so that the features above never see a JAX-RS exception.
 */
@Component
public class KeycloakAccounts {

    static final String BREAKER = "keycloak";
    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final int PAGE = 100;
    /** The user attribute of the language Keycloak speaks to the user (with the realm's internationalization on). */
    private static final String LOCALE = "locale";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final Keycloak keycloak;
    private final KeycloakProperties properties;
    private final CircuitBreaker breaker;
    private final RestClient openIdConnect;

    KeycloakAccounts(Keycloak keycloak, KeycloakProperties properties, CircuitBreakerFactory<?, ?> breakers) {
        this.keycloak = keycloak;
        this.properties = properties;
        this.breaker = breakers.create(BREAKER);
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.openIdConnect = RestClient.builder().baseUrl(properties.openIdConnect()).requestFactory(requests).build();
    }

    public Optional<Account> find(String id) {
        return call("read an account", () -> {
            try {
                return Optional.of(account(realm().users().get(id).toRepresentation()));
            } catch (jakarta.ws.rs.NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The person's account with this username (Keycloak keeps them in lower case), if there is one. A client's
     * service account is nobody's: it is never found here.
     */
    public Optional<Account> findByUsername(String username) {
        return call("find an account", () -> realm().users().searchByUsername(username, true).stream()
                .filter(user -> user.getUsername().equalsIgnoreCase(username))
                .filter(user -> user.getServiceAccountClientId() == null)
                .findFirst().map(KeycloakAccounts::account));
    }

    /** The members of the group at {@code path} ({@code /entities/<id>/<role>}); none when it does not exist. */
    public List<Account> membersOf(String path) {
        return call("list accounts", () -> group(path).map(group -> {
            List<Account> members = new ArrayList<>();
            List<UserRepresentation> page;
            do {
                page = realm().groups().group(group.getId()).members(members.size(), PAGE, false);
                page.forEach(user -> members.add(account(user)));
            } while (page.size() == PAGE);
            return members;
        }).orElseGet(List::of));
    }

    /** The paths of the groups the user is a direct member of. */
    public Set<String> groupsOf(String id) {
        return withUser(id, "read memberships", user -> {
            Set<String> paths = new LinkedHashSet<>();
            user.groups(0, 10_000, true).forEach(group -> paths.add(group.getPath()));
            return paths;
        });
    }

    /** The realm roles granted to the user directly. */
    public Set<String> realmRolesOf(String id) {
        return withUser(id, "read roles", user -> {
            Set<String> names = new LinkedHashSet<>();
            user.roles().realmLevel().listAll().forEach(role -> names.add(role.getName()));
            return names;
        });
    }

    /**
     * Makes the groups at {@code paths} and their parents where they are missing. Safe to repeat, and to run beside
     * another instance doing the same: a group made meanwhile (409) is simply read.
     */
    public void ensureGroups(List<String> paths) {
        run("create groups", () -> paths.forEach(this::ensureGroup));
    }

    /** Adds the user to the group at {@code path}, made when missing; nothing happens if the user is in it. */
    public void join(String id, String path) {
        String groupId = call("create groups", () -> ensureGroup(path));
        withUser(id, "add an account to a group", user -> {
            user.joinGroup(groupId);
            return null;
        });
    }

    /** Removes the user from the group at {@code path}; nothing happens if the user or the group is not in it. */
    public void leave(String id, String path) {
        call("read a group", () -> group(path)).ifPresent(group -> withUser(id, "remove an account from a group",
                user -> {
                    user.leaveGroup(group.getId());
                    return null;
                }));
    }

    /**
     * Creates the user with their password and groups in one call: Keycloak checks the password policy and the
     * groups, and creates nothing when it refuses, so no half-made account is left behind.
     *
     * @throws PasswordRejectedException the realm's password policy refused the password
     */
    public String create(NewAccount account) {
        return call("create an account", () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(account.username());
            user.setEmail(account.email());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEnabled(true);
            // A super-admin typed it in; the realm sends no mail, so nothing else could ever verify it.
            user.setEmailVerified(true);
            user.setCredentials(List.of(password(account.password(), account.temporaryPassword())));
            user.setGroups(account.groups());
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 201) {
                    return CreatedResponseUtil.getCreatedId(response);
                }
                throw refusal(response.getStatus(), body(response));
            }
        });
    }

    /** Sets the names and e-mail address; the other attributes of the user stay as they are. */
    public Account update(String id, String firstName, String lastName, String email) {
        return withUser(id, "update an account", resource -> {
            UserRepresentation user = resource.toRepresentation();
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            resource.update(user);
            return account(resource.toRepresentation());
        });
    }

    /** Sets the user's language, kept in the attribute Keycloak's own pages read. */
    public void setLanguage(String id, String language) {
        withUser(id, "set an account's language", resource -> {
            UserRepresentation user = resource.toRepresentation();
            user.singleAttribute(LOCALE, language);
            resource.update(user);
            return null;
        });
    }

    /** Disabling also ends the user's sessions, so that the console cannot refresh their tokens any more. */
    public void setEnabled(String id, boolean enabled) {
        withUser(id, enabled ? "enable an account" : "disable an account", resource -> {
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            resource.update(user);
            if (!enabled) {
                resource.logout();
            }
            return null;
        });
    }

    public void delete(String id) {
        run("delete an account", () -> {
            try (Response response = realm().users().delete(id)) {
                if (response.getStatus() == 404) {
                    throw new NotFoundException("Account", id);
                }
                if (response.getStatus() >= 300) {
                    throw refusal(response.getStatus(), body(response));
                }
            }
        });
    }

    /** @throws PasswordRejectedException the realm's password policy refused it */
    public void setPassword(String id, String password) {
        withUser(id, "change a password", user -> {
            user.resetPassword(password(password, false));
            return null;
        });
    }

    /**
     * Whether {@code password} is the user's: a password grant at the realm's token endpoint, as a sign-in would
     * be (so brute-force protection counts a wrong guess). The session that a success opens is ended at once.
     */
    public boolean passwordMatches(String username, String password) {
        return call("check a password", () -> {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "password");
            loginClient(form);
            form.add("username", username);
            form.add("password", password);
            return openIdConnect.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .exchange((request, response) -> {
                        Map<String, Object> body = response.bodyTo(JSON_OBJECT);
                        if (response.getStatusCode().is2xxSuccessful()) {
                            endSession(body == null ? null : (String) body.get("refresh_token"));
                            return true;
                        }
                        if (response.getStatusCode().is5xxServerError()) {
                            throw new ServerErrorException(response.getStatusCode().value());
                        }
                        if (body != null && "invalid_grant".equals(body.get("error"))) {
                            return false; // wrong password, or an account that is disabled or locked for now
                        }
                        // unauthorized_client: direct access grants were switched off on the login client.
                        throw new IllegalStateException("Keycloak refused to check a password: "
                                + response.getStatusCode() + " " + body);
                    });
        });
    }

    private void endSession(String refreshToken) {
        if (refreshToken == null) {
            return;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        loginClient(form);
        form.add("refresh_token", refreshToken);
        try {
            openIdConnect.post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
        } catch (RuntimeException e) {
            // The session then simply expires with the realm's idle timeout.
            log.debug("Could not end the session of a password check: {}", e.toString());
        }
    }

    private void loginClient(MultiValueMap<String, String> form) {
        form.add("client_id", properties.loginClientId());
        if (!properties.loginClientSecret().isEmpty()) {
            form.add("client_secret", properties.loginClientSecret());
        }
    }

    private RealmResource realm() {
        return keycloak.realm(properties.realm());
    }

    /**
     * Runs {@code action} on one user; Keycloak's refusals (400, 404, 409) become the API's problems. A 401 or 403
     * is left as it is: that is auth-service's own access failing, not the caller's request.
     */
    private <T> T withUser(String id, String what, Function<UserResource, T> action) {
        return call(what, () -> {
            try {
                return action.apply(realm().users().get(id));
            } catch (jakarta.ws.rs.NotFoundException e) {
                throw new NotFoundException("Account", id);
            } catch (ClientErrorException e) {
                int status = e.getResponse().getStatus();
                if (status == 400 || status == 409) {
                    throw refusal(status, body(e.getResponse()));
                }
                throw e;
            }
        });
    }

    private Optional<GroupRepresentation> group(String path) {
        try {
            return Optional.of(realm().getGroupByPath(path));
        } catch (jakarta.ws.rs.NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The id of the group at {@code path}, made (with its parents) when missing. */
    private String ensureGroup(String path) {
        Optional<GroupRepresentation> existing = group(path);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        int slash = path.lastIndexOf('/');
        String parent = slash > 0 ? ensureGroup(path.substring(0, slash)) : null;
        GroupRepresentation group = new GroupRepresentation();
        group.setName(path.substring(slash + 1));
        try (Response response = parent == null ? realm().groups().add(group)
                : realm().groups().group(parent).subGroup(group)) {
            if (response.getStatus() == 201) {
                return CreatedResponseUtil.getCreatedId(response);
            }
            if (response.getStatus() == 409) {
                return group(path).orElseThrow(() -> new IllegalStateException("Group " + path + " vanished"))
                        .getId(); // made meanwhile by another instance
            }
            throw refusal(response.getStatus(), body(response));
        }
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    private static Account account(UserRepresentation user) {
        return new Account(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()), user.firstAttribute(LOCALE));
    }

    /**
     * Keycloak's refusal as the API's problem. Its error bodies come in three shapes: {@code {error,
     * error_description}} (password policy), {@code {errorMessage}} (duplicates) and {@code {field, errorMessage}}
     * (user-profile validation).
     */
    private static RuntimeException refusal(int status, Map<String, Object> body) {
        String error = String.valueOf(body.getOrDefault("error", ""));
        String message = String.valueOf(body.getOrDefault("errorMessage", body.getOrDefault("error_description", error)));
        if (status >= 500) {
            return new ServerErrorException(status);
        }
        if (status == 409) {
            String field = message.toLowerCase().contains("email") ? "email" : "username";
            return ConflictException.onField(field, "account.taken." + field);
        }
        if (status == 400 && error.startsWith("invalidPassword")) {
            return PasswordRejectedException.of(error, String.valueOf(body.getOrDefault("error_description", "")));
        }
        if (status == 400 && body.get("field") instanceof String field) {
            return new BadRequestException(field, KeycloakMessages.code(message));
        }
        // 401/403: the service account lacks a realm-management role. A deployment error, not the caller's.
        return new IllegalStateException("Keycloak refused a request: " + status + " " + body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        try {
            response.bufferEntity();
            Map<String, Object> body = response.readEntity(Map.class);
            return body == null ? Map.of() : body;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    private <T> T call(String what, Supplier<T> action) {
        return breaker.run(action, failure -> {
            throw translate(what, failure);
        });
    }

    private RuntimeException translate(String what, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return new KeycloakUnavailableException("keycloak.open", properties.openFor().toSeconds(), failure);
        }
        if (KeycloakOutages.isOutage(failure)) {
            log.warn("Keycloak did not let auth-service {}: {}", what, failure.toString());
            return failure instanceof KeycloakUnavailableException unavailable ? unavailable
                    : new KeycloakUnavailableException("keycloak.unavailable", 5, failure);
        }
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("Could not " + what, failure);
    }
}
