package app.financetracker.transaction.ledger;

import java.util.List;

/** What a batch recorded: how many transactions, and their ids in the order of the request. */
record BatchResponse(int created, List<String> ids) {
}
