package news.masthead.places;

import jakarta.ws.rs.QueryParam;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /places. */
public class PlaceListParams extends ListParams {

    @QueryParam("within")
    @Parameter(
            description = "Every place below this one, any depth, not itself (id or slug)",
            example = "kharkiv-oblast")
    public String within;

    @QueryParam("near")
    @Parameter(description = "Places within radiusKm of this point, nearest first: lat,lon", example = "49.21,37.26")
    public String near;

    @QueryParam("radiusKm")
    @Parameter(description = "Radius for near, in km (default 25, at most 20,000)", example = "25")
    public String radiusKm;

    @QueryParam("kind")
    @Parameter(description = "country, region, city, town, village, area or other", example = "town")
    public String kind;

    @QueryParam("q")
    @Parameter(
            description = "Full-text search over name and aliases (an alias such as Izyum finds Izium)"
                    + OpenApiDocs.RANKED + "by name (with near and no sort, the matches are listed by distance)")
    public String q;
}
