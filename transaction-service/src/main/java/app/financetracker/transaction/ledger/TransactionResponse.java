package app.financetracker.transaction.ledger;

import app.financetracker.events.TransactionType;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A transaction as the API shows it (DESIGN §5). */
record TransactionResponse(String id, String userId, @Nullable String userName, TransactionType type, BigDecimal amount,
                           @Nullable String categoryId, @Nullable String categoryName, LocalDate date,
                           @Nullable String description, Instant createdAt, Instant updatedAt, long version) {

    static TransactionResponse of(Transaction t) {
        return new TransactionResponse(t.id(), t.userId(), t.userName(), t.type(), t.amount(), t.categoryId(),
                t.categoryName(), LocalDate.parse(t.date()), t.description(), t.createdAt(), t.updatedAt(), t.version());
    }
}
