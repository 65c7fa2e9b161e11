package news.masthead.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** The envelope of every list in the API. */
public record Page<T>(
        @Schema(description = "This page's items") List<T> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Number of items matching the query; omitted with total=false", examples = "123") Long total,
        @Schema(description = "Page size in effect", examples = "20") int limit,
        @Schema(description = "Opaque cursor of the next page, null on the last page", nullable = true) String next) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, limit, next);
    }
}
