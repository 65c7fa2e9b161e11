package news.masthead.webhooks;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A delivery log is read newest first only, so it takes the paging parameters without sort. */
public class DeliveryListParams {

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

    PageRequest page() {
        return ListParams.page(limit, cursor, total);
    }
}
