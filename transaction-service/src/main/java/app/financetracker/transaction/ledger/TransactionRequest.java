package app.financetracker.transaction.ledger;

import app.financetracker.events.TransactionType;
import app.financetracker.kit.web.FourDigitYear;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What an admin sends to record or change a transaction; {@code version} is required to change one.
 * Read-only fields sent back ({@code id}, {@code userName}, {@code categoryName}, timestamps) are ignored.
 */
record TransactionRequest(
        @NotBlank @Size(max = 64) String userId,
        @NotNull TransactionType type,
        @NotNull @Positive @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal amount,
        @Size(max = 64) String categoryId,
        @NotNull @FourDigitYear LocalDate date,
        @Size(max = 500) String description,
        Long version) {
}
