package app.financetracker.auth.entities;

/** One of the caller's entities ({@code GET /api/entities}), with the strongest role the caller holds in it. */
record EntitySummary(String id, String name, String slug, String currency, String role) {
}
