package news.masthead.people;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /people. */
public class PersonListParams extends ListParams {

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over name and aliases" + OpenApiDocs.RANKED + "by name",
            example = "sybiha")
    public String q;
}
