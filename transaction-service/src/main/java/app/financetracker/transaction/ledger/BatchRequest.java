package app.financetracker.transaction.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/transactions/batch}: up to 1,000 transaction bodies, recorded all together or not at all. */
record BatchRequest(@NotEmpty @Size(max = BatchRequest.MAX) List<@Valid @NotNull TransactionRequest> transactions) {

    static final int MAX = 1000;
}
