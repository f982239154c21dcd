package app.financetracker.transaction.ledger;

import app.financetracker.events.TransactionType;
import app.financetracker.kit.entity.CurrentEntity;
import app.financetracker.kit.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/transactions")
class TransactionController {

    private final TransactionService transactions;
    private final BatchService batches;

    TransactionController(TransactionService transactions, BatchService batches) {
        this.transactions = transactions;
        this.batches = batches;
    }

    /** The global view: every filter optional and cumulative; {@code sort=date|category|amount,asc|desc}. */
    @Operation(operationId = "listTransactions", summary = "Transactions of every member, filtered and paged")
    @GetMapping
    PageResponse<TransactionResponse> list(@RequestParam(required = false) String userId,
                                           @RequestParam(required = false) TransactionType type,
                                           @RequestParam(required = false) String categoryId,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) BigDecimal minAmount,
                                           @RequestParam(required = false) BigDecimal maxAmount,
                                           @RequestParam(required = false) String q,
                                           @ParameterObject @PageableDefault(size = 20) Pageable pageable) {
        return transactions.list(CurrentEntity.id(), new TransactionFilter(userId, type, categoryId, from, to, minAmount, maxAmount, q),
                pageable);
    }

    @Operation(operationId = "getTransaction", summary = "One transaction")
    @GetMapping("/{id}")
    TransactionResponse get(@PathVariable String id) {
        return transactions.get(CurrentEntity.id(), id);
    }

    @Operation(operationId = "createTransaction", summary = "Records a transaction")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<TransactionResponse> create(@Valid @RequestBody TransactionRequest request) {
        TransactionResponse created = transactions.create(CurrentEntity.id(), request);
        return ResponseEntity.created(URI.create("/api/transactions/" + created.id())).body(created);
    }

    /**
     * Records up to 1,000 transactions all together or not at all (DESIGN §10); with an {@code Idempotency-Key},
     * a repeated call answers as the first did and records nothing more, and the same key with another body is 409.
     */
    @Operation(operationId = "recordTransactions", summary = "Records a batch of transactions, all or none")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping("/batch")
    ResponseEntity<BatchResponse> batch(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @Valid @RequestBody BatchRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(batches.record(CurrentEntity.id(), key, request));
    }

    @Operation(operationId = "updateTransaction", summary = "Changes a transaction")
    @PutMapping("/{id}")
    TransactionResponse update(@PathVariable String id, @Valid @RequestBody TransactionRequest request) {
        return transactions.update(CurrentEntity.id(), id, request);
    }

    @Operation(operationId = "deleteTransaction", summary = "Deletes a transaction")
    @ApiResponse(responseCode = "204", description = "Done")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        transactions.delete(CurrentEntity.id(), id);
        return ResponseEntity.noContent().build();
    }
}
