package app.financetracker.auth.me;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /api/me/language}: one of the product's languages (DESIGN §14). */
record LanguageChoice(@NotNull @Pattern(regexp = "en|fr|nl", message = "{language.supported}")
                      @Schema(allowableValues = {"en", "fr", "nl"}) String language) {
}
