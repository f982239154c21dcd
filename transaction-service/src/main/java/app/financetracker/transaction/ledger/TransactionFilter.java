package app.financetracker.transaction.ledger;

import app.financetracker.events.TransactionType;
import app.financetracker.kit.web.BadRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The global view's filters, all optional and cumulative. Every value is bound as a typed parameter and used
 * as a value, never as query syntax: text is quoted before it becomes a regex. They apply within one entity.
 */
record TransactionFilter(String userId, TransactionType type, String categoryId, LocalDate from, LocalDate to,
                         BigDecimal minAmount, BigDecimal maxAmount, String q) {

    /** The live transactions of {@code entityId} that pass every filter given. */
    Criteria toCriteria(String entityId) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "filter.fromAfterTo");
        }
        if (minAmount != null && maxAmount != null && minAmount.compareTo(maxAmount) > 0) {
            throw new BadRequestException("minAmount", "filter.minAboveMax");
        }
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("entityId").is(entityId));
        all.add(Criteria.where("deleted").is(false));
        if (userId != null) {
            all.add(Criteria.where("userId").is(userId));
        }
        if (type != null) {
            all.add(Criteria.where("type").is(type.name()));
        }
        if (categoryId != null) {
            all.add(Criteria.where("categoryId").is(categoryId));
        }
        if (from != null) {
            all.add(Criteria.where("date").gte(from.toString()));
        }
        if (to != null) {
            all.add(Criteria.where("date").lte(to.toString()));
        }
        if (minAmount != null) {
            all.add(Criteria.where("amount").gte(decimal("minAmount", minAmount)));
        }
        if (maxAmount != null) {
            all.add(Criteria.where("amount").lte(decimal("maxAmount", maxAmount)));
        }
        if (q != null && !q.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("description").regex(literal),
                    Criteria.where("userName").regex(literal), Criteria.where("categoryName").regex(literal)));
        }
        return new Criteria().andOperator(all);
    }

    /** Amounts are stored as Decimal128, which holds 34 digits and exponents up to ±6111 (ADR 0040). */
    private static Decimal128 decimal(String field, BigDecimal amount) {
        try {
            return new Decimal128(amount);
        } catch (NumberFormatException e) {
            throw new BadRequestException(field, "filter.outOfRange");
        }
    }
}
