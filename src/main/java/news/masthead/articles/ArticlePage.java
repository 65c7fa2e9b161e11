package news.masthead.articles;

import news.masthead.web.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The OpenAPI shape of a page of articles: the {@link Page} envelope, whose JSON {@link ArticleJson}
 * writes without this type. Named as the spec has always named it.
 */
@Schema(name = "PageArticleView")
public record ArticlePage(
        @Schema(description = "This page's items") List<ArticleView> items,
        @Schema(description = "Number of items matching the query; omitted with total=false", examples = "123") Long total,
        @Schema(description = "Page size in effect", examples = "20") int limit,
        @Schema(description = "Opaque cursor of the next page, null on the last page", nullable = true) String next) {
}
