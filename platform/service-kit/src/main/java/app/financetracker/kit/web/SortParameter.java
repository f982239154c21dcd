package app.financetracker.kit.web;

import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * Turns the API's sort names into document fields, refusing any other: a client can only sort by what the
 * API documents (and what is indexed).
 */
public final class SortParameter {

    private SortParameter() {
    }

    /** @param allowed API name → document field(s) */
    public static Sort resolve(Sort requested, Map<String, String[]> allowed, Sort fallback) {
        if (requested.isUnsorted()) {
            return fallback;
        }
        Sort result = Sort.unsorted();
        for (Sort.Order order : requested) {
            String[] fields = allowed.get(order.getProperty());
            if (fields == null) {
                throw new BadRequestException("sort", "sort.unknown", order.getProperty(),
                        String.join(", ", allowed.keySet()));
            }
            result = result.and(Sort.by(order.getDirection(), fields));
        }
        return tieBreak(result, fallback);
    }

    /** Appends the orders of {@code next} on fields {@code sort} does not order by yet (a field may appear once). */
    public static Sort tieBreak(Sort sort, Sort next) {
        Sort result = sort;
        for (Sort.Order order : next) {
            if (sort.getOrderFor(order.getProperty()) == null) {
                result = result.and(Sort.by(order));
            }
        }
        return result;
    }
}
