package app.financetracker.events;

/**
 * Payload of {@code CategoryCreated/Updated/Deleted}: the category as it now is (a deletion carries the last
 * state). A rename is a {@code CategoryUpdated} whose name differs from the one a consumer holds.
 */
public record CategoryPayload(String id, String name, String color) {
}
