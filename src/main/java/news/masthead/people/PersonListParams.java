package news.masthead.people;

import jakarta.ws.rs.QueryParam;
import news.masthead.web.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /people. */
public class PersonListParams extends ListParams {

    @QueryParam("q")
    @Parameter(description = "Full-text search over name and aliases; ranked when no sort is given", example = "sybiha")
    public String q;
}
