package app.financetracker.transaction.ledger;

/** RECEIVABLE: the member owes it (créance); DEBT: the organisation owes it (dette); COLLECTED: paid in (argent récolté). */
public enum TransactionType {
    RECEIVABLE, DEBT, COLLECTED
}
