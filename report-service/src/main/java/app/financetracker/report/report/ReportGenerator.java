package app.financetracker.report.report;

import app.financetracker.report.ledger.BucketKey;
import app.financetracker.report.ledger.Buckets;
import app.financetracker.report.ledger.Directory;
import app.financetracker.report.ledger.Sums;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Computes a report's figures from the pre-aggregated buckets: it names every bucket it needs (periods ×
 * {category or all} × {member or all}), fetches them by id in a few look-ups and adds them up. The work
 * depends on the period, the granularity and the number of members and categories, not on the number of
 * transactions (ADR 0020). Only the entity's buckets, members and categories: a report never counts another
 * entity's transactions (DESIGN §9).
 */
@Component
public class ReportGenerator {

    private final Buckets buckets;
    private final Directory directory;

    public ReportGenerator(Buckets buckets, Directory directory) {
        this.buckets = buckets;
        this.directory = directory;
    }

    /** The figures of a report; the caller checked the request. */
    record Figures(Report.Line totals, List<Report.Line> byPeriod, List<Report.Line> byCategory,
                   List<Report.Line> byUser) {
    }

    Figures compute(String entityId, LocalDate from, LocalDate to, Granularity granularity, String userId,
                    String categoryId, int topMembers) {
        Map<String, Directory.Entry> members = directory.members(entityId);
        Map<String, Directory.Entry> categories = directory.categories(entityId);
        String categoryDimension = categoryId == null ? BucketKey.ALL : BucketKey.categoryToken(categoryId);
        String memberDimension = userId == null ? BucketKey.ALL : BucketKey.token(userId);

        List<Periods.Period> periods = Periods.split(from, to, granularity);
        List<Periods.Slice> whole = Periods.cover(from, to);
        List<List<String>> periodBuckets = periods.stream()
                .map(period -> ids(entityId, Periods.cover(period.from(), period.to()), categoryDimension,
                        memberDimension))
                .toList();
        Collection<Directory.Entry> categoryRows = categoryId == null ? categories.values()
                : List.of(categories.get(BucketKey.categoryToken(categoryId)));
        Collection<Directory.Entry> memberRows = userId == null ? members.values() : List.of(members.get(userId));
        List<List<String>> categoryBuckets = categoryRows.stream()
                .map(category -> ids(entityId, whole, category.token(), memberDimension)).toList();
        List<List<String>> memberBuckets = memberRows.stream()
                .map(member -> ids(entityId, whole, categoryDimension, member.token())).toList();

        Set<String> wanted = new HashSet<>();
        periodBuckets.forEach(wanted::addAll);
        categoryBuckets.forEach(wanted::addAll);
        memberBuckets.forEach(wanted::addAll);
        Map<String, Sums> found = buckets.fetch(wanted);

        List<Report.Line> byPeriod = new ArrayList<>();
        Sums total = Sums.ZERO;
        for (int i = 0; i < periods.size(); i++) {
            Periods.Period period = periods.get(i);
            Sums sums = sum(periodBuckets.get(i), found);
            total = total.plus(sums);
            byPeriod.add(Report.Line.of(period.label(), null, period.from().toString(), period.to().toString(), sums));
        }
        List<Report.Line> byCategory = new ArrayList<>();
        int row = 0;
        for (Directory.Entry category : categoryRows) {
            Sums sums = sum(categoryBuckets.get(row++), found);
            if (sums.count() > 0 || categoryId != null) {
                byCategory.add(Report.Line.of(category.id(), category.name(), null, null, sums));
            }
        }
        byCategory.sort(Comparator.comparing(Report.Line::label, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        List<Report.Line> byUser = new ArrayList<>();
        row = 0;
        for (Directory.Entry member : memberRows) {
            Sums sums = sum(memberBuckets.get(row++), found);
            if (sums.count() > 0 || userId != null) {
                byUser.add(Report.Line.of(member.id(), member.name(), null, null, sums));
            }
        }
        byUser.sort(Comparator.comparing(Report.Line::outstanding).reversed()
                .thenComparing(Report.Line::label, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER)));
        List<Report.Line> topUsers = byUser.size() > topMembers ? List.copyOf(byUser.subList(0, topMembers)) : byUser;
        return new Figures(Report.Line.of("total", null, from.toString(), to.toString(), total), byPeriod, byCategory,
                topUsers);
    }

    private static List<String> ids(String entityId, List<Periods.Slice> slices, String category, String member) {
        List<String> ids = new ArrayList<>(slices.size());
        for (Periods.Slice slice : slices) {
            ids.add(slice.key(entityId, category, member).id());
        }
        return ids;
    }

    private static Sums sum(List<String> ids, Map<String, Sums> found) {
        Sums sums = Sums.ZERO;
        for (String id : ids) {
            Sums bucket = found.get(id);
            if (bucket != null) {
                sums = sums.plus(bucket);
            }
        }
        return sums;
    }
}
