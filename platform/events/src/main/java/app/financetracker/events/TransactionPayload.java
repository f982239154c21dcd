package app.financetracker.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Payload of {@code TransactionCreated/Updated/Deleted}: the full transaction as it now is. A
 * deletion carries the last state (a tombstone), recognisable by its event type.
 */
public record TransactionPayload(String id, String userId, String userName, String type, BigDecimal amount,
                                 String categoryId, String categoryName, LocalDate date, String description) {
}
