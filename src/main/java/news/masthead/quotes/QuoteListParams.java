package news.masthead.quotes;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of quote lists (GET /quotes and GET /people/{idOrSlug}/quotes). */
public class QuoteListParams extends ListParams {

    @QueryParam("speaker")
    @Parameter(description = "Quotes said by this person (id or slug)", example = "andriy-sybiha")
    public String speaker;

    @QueryParam("article")
    @Parameter(description = "Quotes that appear in this article (id or slug)")
    public String article;

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over the quote text (websearch syntax)" + OpenApiDocs.RANKED
                    + "by saidAt, newest first")
    public String q;

    @QueryParam("include")
    @Parameter(
            description = "Comma-separated: speaker, article — adds the full person and article",
            example = "speaker")
    public String include;
}
