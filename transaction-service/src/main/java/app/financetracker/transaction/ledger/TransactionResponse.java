package app.financetracker.transaction.ledger;

import app.financetracker.events.TransactionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A transaction as the API shows it (DESIGN §5). */
record TransactionResponse(String id, String userId, String userName, TransactionType type, BigDecimal amount,
                           String categoryId, String categoryName, LocalDate date, String description,
                           Instant createdAt, Instant updatedAt, long version) {

    static TransactionResponse of(Transaction t) {
        return new TransactionResponse(t.id(), t.userId(), t.userName(), t.type(), t.amount(), t.categoryId(),
                t.categoryName(), LocalDate.parse(t.date()), t.description(), t.createdAt(), t.updatedAt(), t.version());
    }
}
