package app.financetracker.auth.entities;

import jakarta.annotation.Nullable;

/**
 * The new entity's first super-admin. {@code temporaryPassword} is the generated one, shown this once; null when a
 * password was given or an existing account became the super-admin.
 */
record CreatedEntityAdmin(String id, String username, @Nullable String temporaryPassword) {
}
