package news.masthead.articles;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of article lists (GET /articles and the per-person and per-place sub-lists). */
public class ArticleListParams extends ListParams {

    @QueryParam("status")
    @Parameter(
            description = "draft, scheduled, published or archived (anonymous callers only ever see visible articles)")
    public String status;

    @QueryParam("tag")
    @Parameter(description = "Articles with this tag (case-insensitive)", example = "ukraine")
    public String tag;

    @QueryParam("section")
    @Parameter(description = "Articles in this section", example = "world")
    public String section;

    @QueryParam("person")
    @Parameter(description = "Articles linked to this person (id or slug)", example = "andriy-sybiha")
    public String person;

    @QueryParam("place")
    @Parameter(
            description = "Articles linked to this place or any place inside it (id or slug)",
            example = "kharkiv-oblast")
    public String place;

    @QueryParam("publishedAfter")
    @Parameter(description = "Published strictly after this ISO-8601 instant", example = "2026-01-01T00:00:00Z")
    public String publishedAfter;

    @QueryParam("publishedBefore")
    @Parameter(description = "Published strictly before this ISO-8601 instant", example = "2026-12-31T00:00:00Z")
    public String publishedBefore;

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over headline, standfirst and body text (websearch syntax: "
                    + "\"a phrase\", -exclude, a OR b)" + OpenApiDocs.RANKED + "by publishedAt, newest first",
            example = "convoy -night")
    public String q;

    @QueryParam("include")
    @Parameter(
            description = "Comma-separated: people, places, quotes — adds those arrays to each article",
            example = "people,places")
    public String include;
}
