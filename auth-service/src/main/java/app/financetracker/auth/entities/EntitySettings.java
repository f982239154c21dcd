package app.financetracker.auth.entities;

import app.financetracker.kit.validation.Iban;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code GET/PUT /api/entities/{id}/settings}. A {@code PUT} sends every field back with the {@code version} it read
 * (409 when someone changed them meanwhile). The IBAN may be typed with spaces and in lower case; it is stored and
 * answered in upper case without spaces. Empty IBAN, BIC, beneficiary or address means "not set".
 *
 * @param defaultLanguage the language of the entity's e-mails and documents: fr (when absent), nl or en
 * @param receiptEmails   whether members get an e-mail for each payment received
 */
record EntitySettings(
        @NotBlank @Size(max = 100) String name,
        @NotNull @CurrencyCode String currency,
        @Nullable @Iban String iban,
        @Nullable
        @Pattern(regexp = "([A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?)?",
                message = "{settings.bic}")
        String bic,
        @Nullable @Size(max = 70) String beneficiary,
        @Nullable @Pattern(regexp = "fr|nl|en", message = "{language.supported}")
        @Schema(allowableValues = {"fr", "nl", "en"}) String defaultLanguage,
        @Nullable @Size(max = 300) String address,
        @Nullable Boolean receiptEmails,
        @Nullable Long version) {

    static EntitySettings of(Entity entity) {
        Entity.Settings settings = entity.settings() == null ? Entity.Settings.initial() : entity.settings();
        return new EntitySettings(entity.name(), entity.currency(), settings.iban(), settings.bic(),
                settings.beneficiary(), settings.defaultLanguage(), settings.address(), settings.receiptEmails(),
                entity.version());
    }

    /** The settings as stored: normalised, blanks as "not set", defaults for what was left out. */
    Entity.Settings toStored() {
        return new Entity.Settings(Iban.Check.normalized(iban), bic == null || bic.isBlank() ? null : bic.toUpperCase(),
                blankAsNull(beneficiary), defaultLanguage == null ? Entity.Settings.DEFAULT_LANGUAGE : defaultLanguage,
                blankAsNull(address), Boolean.TRUE.equals(receiptEmails));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
