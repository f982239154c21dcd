package app.financetracker.auth.admins;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/admins/{id}/enabled}. */
record EnabledChange(@NotNull Boolean enabled) {
}
