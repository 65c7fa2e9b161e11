package news.masthead.articles;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.Replayable;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import news.masthead.places.PlaceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The articles about a place or any place inside it: served here, as places know nothing of articles. */
@Path("/api/v1/places/{idOrSlug}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places")
public class PlaceArticleResource {

    @Inject
    PlaceService places;

    @Inject
    ArticleService articles;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List articles about a place or any place inside it",
            description = "The parameters of GET /api/v1/articles; 404 for an unknown place.")
    @APIResponseSchema(value = ArticlePage.class, responseDescription = "A page of articles")
    public RestResponse<JsonText> list(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @BeanParam ArticleListParams params,
            @Context UriInfo uri) {
        params.place = places.get(idOrSlug).id().toString(); // the place from ReadCache: no statement while current
        return Lists.ok(articles.list(params), uri);
    }
}
