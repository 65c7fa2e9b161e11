package news.masthead.images;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /images. */
public class ImageListParams extends ListParams {

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over alt, caption and credit; ranked when no sort is given",
            example = "convoy")
    public String q;

    @QueryParam("person")
    @Parameter(description = "Images showing this person (id or slug)", example = "andriy-sybiha")
    public String person;

    @QueryParam("place")
    @Parameter(description = "Images taken at this place (id or slug)", example = "izium")
    public String place;
}
