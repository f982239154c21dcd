package app.financetracker.kit.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** A page in Spring Data's DTO form (DESIGN §5): {@code {content, page: {size, number, totalElements, totalPages}}}. */
public record PageResponse<T>(List<T> content, Metadata page) {

    public record Metadata(long size, long number, long totalElements, long totalPages) {
    }

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), new Metadata(page.getSize(), page.getNumber(),
                page.getTotalElements(), page.getTotalPages()));
    }

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return of(page.map(mapper::apply));
    }
}
