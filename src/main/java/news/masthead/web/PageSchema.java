package news.masthead.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The OpenAPI shape of {@link Page} for lists whose JSON is written as text ({@link JsonPage}), where
 * no {@code Page<T>} type is returned to describe it: one empty subclass per item type names it.
 */
public abstract class PageSchema<T> {

    @Schema(description = "This page's items")
    public List<T> items;
    @Schema(description = "Number of items matching the query; omitted with total=false", examples = "123")
    public Long total;
    @Schema(description = "Page size in effect", examples = "20")
    public int limit;
    @Schema(description = "Opaque cursor of the next page, null on the last page", nullable = true)
    public String next;
}
