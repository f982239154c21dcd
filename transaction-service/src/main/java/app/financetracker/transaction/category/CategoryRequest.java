package app.financetracker.transaction.category;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A category to create or change; {@code color} is #RRGGBB; {@code version} is required to change one. */
record CategoryRequest(
        @NotBlank @Size(max = 50) String name,
        @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "{category.color}") String color,
        Long version) {
}
