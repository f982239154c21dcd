package app.financetracker.events;

import java.util.List;

/**
 * Payload of {@code Admin*} events: the account (its id is the tokens' {@code sub}), its username, and for
 * {@code AdminRoleRemoved} the realm roles taken away (empty otherwise).
 */
public record AdminPayload(String id, String username, List<String> removedRoles) {
}
