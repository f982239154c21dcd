package app.financetracker.auth.entities;

/** The answer to {@code POST /api/entities}. */
record CreatedEntity(String id, String name, String slug, String currency, CreatedEntityAdmin firstAdmin) {
}
