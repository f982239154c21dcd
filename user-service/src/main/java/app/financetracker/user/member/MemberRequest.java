package app.financetracker.user.member;

import app.financetracker.kit.validation.Iban;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an admin sends to create or change a member; {@code version} is required to change one. Read-only
 * fields sent back (id, reference, archived, balance, timestamps) are ignored.
 *
 * @param tags the sections the member is in ("Baladins"): at most 20, each at most 40 characters; the same tag
 *             twice, or in another case, counts once
 * @param language the language of the member's documents and e-mails; absent: the entity's
 */
record MemberRequest(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9 ]{6,19}", message = "{member.phone}")
        String phone,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @Pattern(regexp = "fr|nl|en", message = "{language.supported}") String language,
        @Iban String iban,
        Long version) {

    MemberRequest normalized() {
        String cleanPhone = phone == null || phone.isBlank() ? null : phone.replace(" ", "");
        return new MemberRequest(firstName.strip(), lastName.strip(), email.strip().toLowerCase(), cleanPhone,
                cleanTags(tags), language, Iban.Check.normalized(iban), version);
    }

    /** Stripped, in the order given, each once whatever its case. */
    private static List<String> cleanTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.putIfAbsent(tag.strip().toLowerCase(Locale.ROOT), tag.strip()));
        return List.copyOf(byKey.values());
    }
}
