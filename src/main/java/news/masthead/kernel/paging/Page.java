package news.masthead.kernel.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** The envelope of every list in the API. */
public record Page<T>(
        @Schema(description = "This page's items") List<T> items,

        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = PageSchema.TOTAL, examples = "123")
        Long total,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = PageSchema.TOTAL_IS_ESTIMATE, examples = "true")
        Boolean totalIsEstimate,

        @Schema(description = "Page size in effect", examples = "20")
        int limit,

        @Schema(description = "Opaque cursor of the next page, null on the last page", nullable = true)
        String next) {

    /** A page whose total, if any, is exact. */
    public Page(List<T> items, Long total, int limit, String next) {
        this(items, total, null, limit, next);
    }

    /** A page with this total: exact, or an estimate of a count that passed its cap; null: none. */
    public static <T> Page<T> of(List<T> items, Total total, int limit, String next) {
        Boolean estimate = total != null && total.estimate() ? Boolean.TRUE : null;
        return new Page<>(items, total == null ? null : total.value(), estimate, limit, next);
    }

    /** The total of a list: exact, or estimated because counting would have read more than a capped number of rows. */
    public record Total(long value, boolean estimate) {
        public static Total exact(long value) {
            return new Total(value, false);
        }
    }

    /** The total as given, or null. */
    public Total totalOrNull() {
        return total == null ? null : new Total(total, Boolean.TRUE.equals(totalIsEstimate));
    }

    public <R> Page<R> map(Function<T, R> f) {
        return withItems(items.stream().map(f).toList());
    }

    /** The same page with other items (the same ones, rendered). */
    public <R> Page<R> withItems(List<R> other) {
        return new Page<>(other, total, totalIsEstimate, limit, next);
    }
}
