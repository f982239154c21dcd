package app.financetracker.user.balance;

import app.financetracker.events.EventCodec;
import app.financetracker.events.EventEnvelope;
import app.financetracker.events.EventTypes;
import app.financetracker.events.Streams;
import app.financetracker.events.TransactionPayload;
import app.financetracker.kit.projection.VersionedProjection;
import app.financetracker.kit.stream.StreamEventHandler;
import app.financetracker.user.member.Member;
import app.financetracker.user.member.MemberService;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Balances from {@code events:transactions} (DESIGN §3): one {@code balance_entries} document per
 * transaction, changed only by a newer {@code aggregateVersion}; then the member's balance is recomputed from
 * all of their entries, never adjusted by increments. A transaction moved to another member recomputes both.
 */
@Component
class BalanceProjection implements StreamEventHandler {

    static final String ENTRIES = "balance_entries";

    private final MongoTemplate mongo;
    private final MemberService members;

    BalanceProjection(MongoTemplate mongo, MemberService members) {
        this.mongo = mongo;
        this.members = members;
    }

    @Override
    public String stream() {
        return Streams.TRANSACTIONS;
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!EventTypes.TRANSACTION_EVENTS.contains(event.type())) {
            return;
        }
        boolean deleted = event.type().equals(EventTypes.TRANSACTION_DELETED);
        TransactionPayload transaction = EventCodec.readTransaction(event);
        Update update = new Update().set("userId", transaction.userId()).set("type", transaction.type())
                .set("amount", new Decimal128(transaction.amount())).set("deleted", deleted);
        var result = VersionedProjection.applyIfNewer(mongo, ENTRIES, event.aggregateId(), event.aggregateVersion(), update);
        // Recomputed even for a stale or repeated event: a retry after a failed recompute heals the balance.
        Set<String> affected = new LinkedHashSet<>();
        affected.add(transaction.userId());
        result.previous().map(previous -> previous.getString("userId")).ifPresent(affected::add);
        affected.forEach(this::recompute);
    }

    /** Sums the member's live entries per type and stores the balance. */
    void recompute(String memberId) {
        members.refreshBalance(memberId, () -> sum(memberId));
    }

    private Member.Balance sum(String memberId) {
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal debts = BigDecimal.ZERO;
        BigDecimal collected = BigDecimal.ZERO;
        Query live = Query.query(Criteria.where("userId").is(memberId).and("deleted").is(false));
        for (BalanceEntry entry : mongo.find(live, BalanceEntry.class)) {
            switch (entry.type()) {
                case RECEIVABLE -> receivables = receivables.add(entry.amount());
                case DEBT -> debts = debts.add(entry.amount());
                case COLLECTED -> collected = collected.add(entry.amount());
            }
        }
        return Member.Balance.of(receivables, debts, collected);
    }
}
