package app.financetracker.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of money movement of DESIGN's glossary, once for the producer and every consumer. On the wire (the
 * payload's {@code type}) and in stored documents a type is its name.
 */
public enum TransactionType {
    /** An amount the member owes the organisation (créance), e.g. a camp fee. */
    RECEIVABLE,
    /** An amount the organisation owes the member (dette), e.g. a reimbursement. */
    DEBT,
    /** Money the member has paid in or collected for the organisation (argent récolté). */
    COLLECTED;

    /** The type of that name; empty for {@code null} or any other text (a payload is never trusted to name one). */
    public static Optional<TransactionType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }
}
