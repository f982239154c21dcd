package app.financetracker.transaction.ledger;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A batch of transactions on its way (ADR 0026): written first, with every transaction it records, in one document;
 * then its transactions are inserted; then it is marked {@code done} and its copies dropped. Whatever a crash
 * interrupts, the batch document says what is still to be written: a retry with the same key, or the next start
 * ({@link BatchRecovery}), writes it, each transaction once (they keep the ids the batch gave them).
 *
 * @param id {@code <entityId>:<Idempotency-Key>}, or a random id for a batch sent without a key
 * @param hash the request's digest: the same key with another body is refused
 */
@Document(Batch.COLLECTION)
record Batch(@Id String id, String entityId, String hash, List<String> ids, List<Transaction> pending, boolean done,
             Instant createdAt) {

    static final String COLLECTION = "transaction_batches";
}
