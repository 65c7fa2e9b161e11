package news.masthead.kernel.query;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every list takes. */
public class ListParams {

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `next` value of the previous page")
    public String cursor;

    @QueryParam("total")
    @Parameter(description = "false omits `total` (saves a count)", example = "false")
    public String total;

    @QueryParam("fields")
    @Parameter(description = OpenApiDocs.FIELDS)
    public String fields;

    @QueryParam("sort")
    @Parameter(
            description = "A sort field named in the operation's description; prefix - for descending",
            example = "-publishedAt")
    public String sort;

    public PageRequest page() {
        return page(limit, cursor, total);
    }

    /** The paging parameters, for a list that declares them itself. */
    public static PageRequest page(String limit, String cursor, String total) {
        return new PageRequest(
                Params.limit(limit, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT),
                Params.present(cursor) ? cursor : null,
                Params.flag("total", total, true));
    }
}
