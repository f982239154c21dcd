package app.financetracker.transaction.ledger;

import app.financetracker.kit.web.BadRequestException;
import app.financetracker.kit.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/transactions/batch} (DESIGN §10): every transaction checked before any is written, then all of
 * them written through a {@link Batch}, so that the call records all of them exactly once or none, a crash
 * included, and a call repeated with the same {@code Idempotency-Key} answers as the first did.
 */
@Service
class BatchService {

    /** An Idempotency-Key is a client's token, not a document: a UUID or similar fits well within this. */
    private static final int MAX_KEY = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final TransactionService transactions;

    BatchService(MongoTemplate mongo, TransactionService transactions) {
        this.mongo = mongo;
        this.transactions = transactions;
    }

    BatchResponse record(String entityId, String key, BatchRequest request) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            throw new BadRequestException("Idempotency-Key", "batch.key", MAX_KEY);
        }
        String hash = hash(request);
        String id = key == null ? UUID.randomUUID().toString() : entityId + ":" + key;
        Batch earlier = mongo.findById(id, Batch.class);
        if (earlier == null) {
            List<Transaction> pending = transactions.prepareAll(entityId, request.transactions());
            Batch batch = new Batch(id, entityId, hash, pending.stream().map(Transaction::id).toList(), pending, false,
                    Instant.now());
            try {
                mongo.insert(batch);
                earlier = batch;
            } catch (DuplicateKeyException e) {
                earlier = mongo.findById(id, Batch.class); // the same key, sent twice at once
            }
        }
        if (!earlier.hash().equals(hash)) {
            throw new ConflictException("batch.keyReused");
        }
        complete(earlier);
        return new BatchResponse(earlier.ids().size(), earlier.ids());
    }

    /** Writes what the batch has not written yet, then marks it done. Idempotent. */
    void complete(Batch batch) {
        if (batch.done()) {
            return;
        }
        transactions.insertAll(batch.pending());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(batch.id())),
                new Update().set("done", true).unset("pending"), Batch.class);
    }

    static String hash(BatchRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
