package app.financetracker.report.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which bucket: of one entity (DESIGN §9), a day or a month, and a category and a member, each either one value
 * or {@link #ALL}. {@code category} and {@code member} are tokens ({@link #token}), not raw ids, so that the
 * document id ({@link #id()}) is unambiguous whatever characters the ids hold. The entity leads the id: two
 * entities never share a bucket, even for the same day, category and member.
 *
 * <p>A <em>cell</em> (day × one category × one member) holds the contributions of its transactions; every
 * other bucket is a roll-up of cells (ADR 0020). A ledger entry names its cells within its entity
 * ({@link #withinEntity()}), the entity being the entry's own.
 */
public record BucketKey(String entityId, Span span, LocalDate start, String category, String member) {

    /** Matches the id of a bucket written before entities ({@link #withinEntity()}): a span code, then a date. */
    static final String ID_BEFORE_ENTITIES = "^[DM]\\|[0-9]";
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

    public static BucketKey cell(String entityId, LocalDate day, String categoryId, String memberId) {
        return new BucketKey(entityId, Span.DAY, day, categoryToken(categoryId), token(memberId));
    }

    public static BucketKey day(String entityId, LocalDate day, String category, String member) {
        return new BucketKey(entityId, Span.DAY, day, category, member);
    }

    public static BucketKey month(String entityId, LocalDate anyDay, String category, String member) {
        return new BucketKey(entityId, Span.MONTH, anyDay.withDayOfMonth(1), category, member);
    }

    /** The key of a cell of {@code entityId}, from its {@link #withinEntity()} form. */
    static BucketKey parseCell(String entityId, String cellWithinEntity) {
        String[] parts = cellWithinEntity.split("\\|", -1);
        return day(entityId, LocalDate.parse(parts[1]), parts[2], parts[3]);
    }

    /** The bucket's document id: the entity's token, then {@link #withinEntity()}. */
    public String id() {
        return token(entityId) + "|" + withinEntity();
    }

    /**
     * The bucket within its entity: {@code span|start|category|member}. Before entities this was the whole id, so
     * a bucket id that starts with a span code and a date is one of then ({@link LedgerLayoutMigration}); an id
     * of now starts with the entity's token, then a span code, never a digit.
     */
    public String withinEntity() {
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
                day(entityId, start, category, ALL), day(entityId, start, ALL, member),
                month(entityId, start, category, member), day(entityId, start, ALL, ALL),
                month(entityId, start, category, ALL), month(entityId, start, ALL, member),
                month(entityId, start, ALL, ALL));
    }

    /**
     * The ids of the buckets this roll-up sums: the days of a month, or one day's cells (or per-category
     * roll-ups) across the entity's known members and categories.
     */
    List<String> childIds(Collection<String> memberTokens, Collection<String> categoryTokens) {
        List<String> ids = new ArrayList<>();
        if (span == Span.MONTH) {
            for (LocalDate day = start; day.getMonth() == start.getMonth(); day = day.plusDays(1)) {
                ids.add(day(entityId, day, category, member).id());
            }
        } else if (!category.equals(ALL) && member.equals(ALL)) {
            memberTokens.forEach(m -> ids.add(day(entityId, start, category, m).id()));
        } else if (category.equals(ALL)) {
            // (all, member) sums that member's cells; (all, all) sums the per-category roll-ups.
            categoryTokens.forEach(c -> ids.add(day(entityId, start, c, member).id()));
        }
        return ids;
    }

    boolean needsMembers() {
        return span == Span.DAY && !category.equals(ALL) && member.equals(ALL);
    }

    boolean needsCategories() {
        return span == Span.DAY && category.equals(ALL);
    }

    /**
     * An entity, member or category id as it appears in keys: escaped so that it never reads as a separator or
     * token.
     */
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
