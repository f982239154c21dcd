package app.financetracker.user.member;

import java.util.List;
import java.util.Optional;

/**
 * Which members a list shows: those whose name, e-mail, phone or reference contains {@code q}, in any of
 * {@code tags} (none: every member), archived ones too when {@code archived}.
 */
public record MemberFilter(String q, List<String> tags, boolean archived) {

    /** Search text that is only a reference's digits, {@code +}, {@code /} and spaces, with at least this many digits. */
    private static final int REFERENCE_DIGITS = 3;

    public MemberFilter {
        q = q == null || q.isBlank() ? null : q.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).distinct()
                .sorted().toList();
    }

    /** The digits to look for in references, when {@code q} reads as (part of) one: "+++090/9337", "090 933". */
    Optional<String> referenceDigits() {
        if (q == null || !q.matches("[+/\\d\\s]+")) {
            return Optional.empty();
        }
        String digits = q.replaceAll("\\D", "");
        return digits.length() >= REFERENCE_DIGITS ? Optional.of(digits) : Optional.empty();
    }

    /** The filter in a list page's cache key. */
    public String key() {
        return (q == null ? "" : q.toLowerCase()) + "|" + String.join(",", tags) + "|" + archived;
    }
}
