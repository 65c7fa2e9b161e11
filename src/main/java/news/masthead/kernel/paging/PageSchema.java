package news.masthead.kernel.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The OpenAPI shape of {@link Page} for lists whose JSON is written as text ({@link JsonPage}), where
 * no {@code Page<T>} type is returned to describe it: one empty subclass per item type names it.
 */
public abstract class PageSchema<T> {

    static final String TOTAL =
            "Number of items matching the query; omitted with total=false. Exact, unless totalIsEstimate "
                    + "is true: a count that would read more rows than the configured cap (cms.lists.total-cap, default 10000; "
                    + "with q, cms.search.total-cap, default 1000) stops there and gives the database planner's estimate "
                    + "instead (at least the cap)";
    static final String TOTAL_IS_ESTIMATE =
            "true when total is an estimate (see total); absent when total is exact or omitted";

    @Schema(description = "This page's items")
    public List<T> items;

    @Schema(description = TOTAL, examples = "123")
    public Long total;

    @Schema(description = TOTAL_IS_ESTIMATE, examples = "true")
    public Boolean totalIsEstimate;

    @Schema(description = "Page size in effect", examples = "20")
    public int limit;

    @Schema(description = "Opaque cursor of the next page, null on the last page", nullable = true)
    public String next;
}
