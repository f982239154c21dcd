package app.financetracker.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Payload of {@code TransactionCreated/Updated/Deleted}: the full transaction as it now is. A
 * deletion carries the last state (a tombstone), recognisable by its event type. {@code type} is a
 * {@link TransactionType}'s name on the wire; {@link #transactionType()} is it as the enum.
 */
public record TransactionPayload(String id, String userId, String userName, String type, BigDecimal amount,
                                 String categoryId, String categoryName, LocalDate date, String description)
        implements CheckedPayload {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /**
     * The type as the enum.
     *
     * @throws java.util.NoSuchElementException for a payload {@link EventCodec#read} did not accept (unknown type)
     */
    public TransactionType transactionType() {
        return TransactionType.named(type).orElseThrow();
    }

    /** Complete enough to count money with: a member, a date, a known type, an amount as the producer accepts it. */
    @Override
    public Optional<String> defect() {
        if (userId == null || !countable(amount) || date == null || TransactionType.named(type).isEmpty()) {
            return Optional.of("lacks a member, an amount in cents up to 1e9, a date or a known type");
        }
        return Optional.empty();
    }

    /** What the producer validates, and so what consumers can store (Decimal128) and add up: 0 < amount ≤ 1e9, cents. */
    private static boolean countable(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) <= 0
                && amount.stripTrailingZeros().scale() <= 2;
    }
}
