package app.financetracker.report.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.financetracker.events.EventEnvelope;
import app.financetracker.events.TransactionPayload;
import app.financetracker.report.Ledger;
import app.financetracker.testkit.Api;
import app.financetracker.testkit.ServiceIntegrationTest;
import app.financetracker.testkit.Tokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * A database of the version before entities: ledger entries, members and categories without {@code entityId},
 * buckets whose ids have no entity. After the start-up migration the default entity's reports are exact again,
 * and a second run finds nothing to do.
 */
@ServiceIntegrationTest
class LedgerLayoutMigrationTest {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    LedgerLayoutMigration migration;

    /** The ledger entry, member and category documents of a transaction as the version before entities wrote them. */
    private void writtenBeforeEntities(TransactionPayload transaction) {
        Document entry = LedgerProjection.entry(EventEnvelope.DEFAULT_ENTITY, transaction.id(), 0, false, transaction);
        entry.remove(LedgerProjection.ENTITY);
        mongo.insert(entry, LedgerProjection.LEDGER);
        mongo.upsert(Mongo.byId(transaction.userId()), new Update()
                .setOnInsert("token", BucketKey.token(transaction.userId())), Directory.MEMBERS);
        String categoryToken = BucketKey.categoryToken(transaction.categoryId());
        mongo.upsert(Mongo.byId(categoryToken), new Update()
                .setOnInsert("categoryId", transaction.categoryId()), Directory.CATEGORIES);
        // Its day cell, under the id of then.
        mongo.insert(new Document("_id", BucketKey.cell(EventEnvelope.DEFAULT_ENTITY, transaction.date(),
                        transaction.categoryId(), transaction.userId()).withinEntity())
                .append(Buckets.ENTRIES, new Document(BucketKey.token(transaction.id()), new Document("v", 0L)
                        .append("t", transaction.type()).append("a", new Decimal128(transaction.amount())))),
                Buckets.COLLECTION);
    }

    private JsonNode report(Api admin, String userId) {
        var created = admin.post("/api/reports", Map.of("from", "2046-04-01", "to", "2046-04-30",
                "granularity", "MONTH", "userId", userId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void bucketsOfTheLayoutBeforeEntitiesAreRebuiltOnceFromTheLedger() {
        String member = Ledger.id();
        String category = Ledger.id();
        LocalDate day = LocalDate.of(2046, 4, 10);
        writtenBeforeEntities(new TransactionPayload(Ledger.id(), member, "Old Timer", "RECEIVABLE",
                new BigDecimal("30.00"), category, "Camp", day, "before"));
        writtenBeforeEntities(new TransactionPayload(Ledger.id(), member, "Old Timer", "COLLECTED",
                new BigDecimal("12.50"), null, null, day.plusDays(1), "before"));
        // A roll-up of then, whose figure no bucket of now may ever repeat.
        mongo.insert(new Document("_id", "M|2046-04-01|*|*").append(Buckets.SUM, new Sums(new BigDecimal("999"),
                BigDecimal.ZERO, BigDecimal.ZERO, 1).toDocument(0)), Buckets.COLLECTION);

        assertThat(migration.migrate()).isTrue();

        assertThat(mongo.exists(Query.query(Criteria.where("_id").regex(BucketKey.ID_BEFORE_ENTITIES)),
                Buckets.COLLECTION)).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where(LedgerProjection.ENTITY).exists(false)),
                LedgerProjection.LEDGER)).isFalse();
        JsonNode report = report(Api.at("http://localhost:" + port).as(Tokens.admin()), member);
        assertThat(report.at("/totals/receivables").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(report.at("/totals/collected").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(report.at("/totals/count").asLong()).isEqualTo(2);
        // One row for "Camp", one for "no category": the "no category" of then is not counted twice.
        assertThat(report.get("byCategory")).hasSize(2);
        assertThat(report.at("/byCategory/0/categoryName").asString()).isEqualTo("Camp");
        assertThat(report.at("/byCategory/0/receivables").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(report.at("/byCategory/1/collected").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(migration.migrate()).isFalse();
        assertThat(Sums.of(mongo.findById(BucketKey.month(EventEnvelope.DEFAULT_ENTITY, day, BucketKey.ALL,
                BucketKey.token(member)).id(), Document.class, Buckets.COLLECTION)).count()).isEqualTo(2);
    }
}
