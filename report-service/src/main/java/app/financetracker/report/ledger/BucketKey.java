package app.financetracker.report.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which bucket: a day or a month, and a category and a member, each either one value or {@link #ALL}.
 * {@code category} and {@code member} are tokens ({@link #token}), not raw ids, so that the document id
 * ({@link #id()}) is unambiguous whatever characters the ids hold.
 *
 * <p>A <em>cell</em> (day × one category × one member) holds the contributions of its transactions; every
 * other bucket is a roll-up of cells (ADR 0020).
 */
public record BucketKey(Span span, LocalDate start, String category, String member) {

    /** Every value of a dimension. */
    public static final String ALL = "*";
    /** A transaction without a category. */
    public static final String NONE = "~";

    public enum Span {
        DAY("D"), MONTH("M");

        final String code;

        Span(String code) {
            this.code = code;
        }
    }

    public static BucketKey cell(LocalDate day, String categoryId, String memberId) {
        return new BucketKey(Span.DAY, day, categoryToken(categoryId), token(memberId));
    }

    public static BucketKey day(LocalDate day, String category, String member) {
        return new BucketKey(Span.DAY, day, category, member);
    }

    public static BucketKey month(LocalDate anyDay, String category, String member) {
        return new BucketKey(Span.MONTH, anyDay.withDayOfMonth(1), category, member);
    }

    /** The key of a cell id ({@link #id()} of a cell). */
    static BucketKey parseCell(String cellId) {
        String[] parts = cellId.split("\\|", -1);
        return day(LocalDate.parse(parts[1]), parts[2], parts[3]);
    }

    public String id() {
        return span.code + "|" + start + "|" + category + "|" + member;
    }

    public boolean isCell() {
        return span == Span.DAY && !category.equals(ALL) && !member.equals(ALL);
    }

    /**
     * The roll-ups a change of this cell affects, each after the buckets it is computed from, so that
     * recomputing them in this order leaves every one up to date.
     */
    List<BucketKey> rollups() {
        return List.of(
                day(start, category, ALL), day(start, ALL, member), month(start, category, member),
                day(start, ALL, ALL), month(start, category, ALL), month(start, ALL, member),
                month(start, ALL, ALL));
    }

    /**
     * The ids of the buckets this roll-up sums: the days of a month, or one day's cells (or per-category
     * roll-ups) across the known members and categories.
     */
    List<String> childIds(Collection<String> memberTokens, Collection<String> categoryTokens) {
        List<String> ids = new ArrayList<>();
        if (span == Span.MONTH) {
            for (LocalDate day = start; day.getMonth() == start.getMonth(); day = day.plusDays(1)) {
                ids.add(day(day, category, member).id());
            }
        } else if (!category.equals(ALL) && member.equals(ALL)) {
            memberTokens.forEach(m -> ids.add(day(start, category, m).id()));
        } else if (category.equals(ALL)) {
            // (all, member) sums that member's cells; (all, all) sums the per-category roll-ups.
            categoryTokens.forEach(c -> ids.add(day(start, c, member).id()));
        }
        return ids;
    }

    boolean needsMembers() {
        return span == Span.DAY && !category.equals(ALL) && member.equals(ALL);
    }

    boolean needsCategories() {
        return span == Span.DAY && category.equals(ALL);
    }

    /** A member or category id as it appears in keys: escaped so that it never reads as a separator or token. */
    public static String token(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            switch (c) {
                case '%', '|', '*', '~', '.', '$' -> out.append('%').append(String.format("%02X", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String categoryToken(String categoryId) {
        return categoryId == null ? NONE : token(categoryId);
    }
}
