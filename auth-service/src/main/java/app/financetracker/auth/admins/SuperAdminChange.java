package app.financetracker.auth.admins;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/admins/{id}/super-admin}. */
record SuperAdminChange(@NotNull Boolean superAdmin) {
}
