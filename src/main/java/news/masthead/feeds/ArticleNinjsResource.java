package news.masthead.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.articles.ArticleService;
import news.masthead.articles.ArticleView;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.ResponseKeys;
import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.openapi.OpenApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An article as IPTC ninjs: the ninjs representation of {@code /articles/{idOrSlug}}, chosen by Accept,
 * served from here so that articles know nothing of syndication formats.
 */
@Path("/api/v1/articles")
@Tag(name = "Articles")
public class ArticleNinjsResource {

    @Inject
    ArticleService articles;

    @Inject
    NinjsService ninjs;

    @Inject
    ObjectMapper mapper;

    /**
     * Chosen with Accept: application/ninjs+json. Same visibility as the JSON representation; its own strong
     * ETag (If-None-Match gives 304). Documented with the JSON one in ArticleResource, as one operation.
     */
    @GET
    @Path("{idOrSlug}")
    @Produces(Ninjs.MEDIA_TYPE + ";qs=0.5") // below ArticleResource's JSON, which a client accepting anything gets
    @Access(Role.PUBLIC)
    @APIResponse(
            responseCode = "200",
            description = "The article",
            content = @Content(mediaType = Ninjs.MEDIA_TYPE, schema = @Schema(implementation = Ninjs.class)))
    public RestResponse<byte[]> get(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Context HttpHeaders headers,
            @Context UriInfo uri)
            throws JsonProcessingException {
        ArticleView a = articles.get(idOrSlug);
        // The records the document draws on; it is read outside the read cache (no basis).
        ResponseKeys.add(SurrogateKeys.of(mapper.writeValueAsBytes(a), "article"), null);
        NinjsService.Document d = ninjs.of(a, uri.getBaseUri());
        return Conditional.ok(headers, d.body(), d.etag(), d.lastModified());
    }
}
