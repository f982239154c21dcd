package app.financetracker.auth.entities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/entities}. The slug is the entity's short name in addresses and files; it never changes. The id
 * is made by the service (a UUID), never taken from the client.
 *
 * @param currency ISO 4217; EUR when absent
 */
record NewEntity(
        @NotBlank @Size(max = 100) String name,
        @NotBlank
        @Pattern(regexp = "[a-z0-9-]{2,40}", message = "{entity.slug}")
        String slug,
        @CurrencyCode String currency,
        @NotNull @Valid NewEntityAdmin firstAdmin) {

    NewEntity normalized() {
        return new NewEntity(name.strip(), slug, currency == null || currency.isBlank() ? Entity.DEFAULT_CURRENCY
                : currency, firstAdmin);
    }
}
