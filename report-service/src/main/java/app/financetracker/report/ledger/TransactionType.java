package app.financetracker.report.ledger;

/** The kinds of money movement of DESIGN's glossary. */
public enum TransactionType {
    RECEIVABLE, DEBT, COLLECTED;

    static boolean isOne(String name) {
        for (TransactionType type : values()) {
            if (type.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
