package app.financetracker.report.ledger;

/** The kinds of money movement of DESIGN's glossary. */
public enum TransactionType {
    RECEIVABLE, DEBT, COLLECTED
}
