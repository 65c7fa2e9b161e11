package news.masthead.articles;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.Replayable;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "News articles with ordered body blocks, linked people and places.")
public class ArticleResource {

    @Inject
    ArticleService articles;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List articles",
            description =
                    "Sort: publishedAt (default -publishedAt), updatedAt, headline; "
                            + "with q and no sort, by relevance. Anonymous callers see only visible articles (published, or scheduled whose time has come).")
    @APIResponseSchema(value = ArticlePage.class, responseDescription = "A page of articles")
    public RestResponse<JsonText> list(@BeanParam ArticleListParams params, @Context UriInfo uri) {
        return Lists.ok(articles.list(params), uri);
    }

    @GET
    @Replayable
    @Path("{idOrSlug}")
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Get an article by id or slug",
            description = "Sends ETag and Last-Modified; If-None-Match gives 304.")
    // One operation documents both representations; feeds' ArticleNinjsResource serves the ninjs one.
    @APIResponse(
            responseCode = "200",
            description = "The article",
            content = {
                @Content(mediaType = "application/ninjs+json", schema = @Schema(ref = "Ninjs")),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class))
            })
    public RestResponse<JsonText> get(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = "Comma-separated: people, places, quotes") @QueryParam("include") String include,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        ArticleJson.Rendered a = articles.json(idOrSlug, include);
        if (include != null) {
            return RestResponse.ok(a.body()); // included resources change on their own: HttpCaching tags the whole body
        }
        return Conditional.ok(headers, a.body(), a.etag(), a.lastModified());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Create an article",
            description = "Status defaults to draft; the slug is derived from the headline when omitted.")
    public RestResponse<ArticleView> create(@RequestBody(required = true) ArticleInput input, @Context UriInfo uri) {
        ArticleView a = articles.create(input);
        return Conditional.created(uri, a.id(), a, a.version(), a.updatedAt());
    }

    @PUT
    @Path("{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace an article",
            description = "Omitted optional fields return to their defaults. Honours If-Match.")
    public RestResponse<ArticleView> replace(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(required = true) ArticleInput input,
            @Context HttpHeaders headers) {
        ArticleView a = articles.replace(idOrSlug, input, IfMatch.of(headers));
        return Conditional.written(a, a.version(), a.updatedAt());
    }

    @PATCH
    @Path("{idOrSlug}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some fields of an article",
            description =
                    "JSON Merge Patch (RFC 7396): null removes a field, arrays replace. The result is validated as a whole. Honours If-Match.")
    public RestResponse<ArticleView> patch(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = ArticleInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        ArticleView a = articles.patch(idOrSlug, patch, IfMatch.of(headers));
        return Conditional.written(a, a.version(), a.updatedAt());
    }

    @DELETE
    @Path("{idOrSlug}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete an article",
            description = "Deletes its comments; its quotes stay, with articleId set to null. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Context HttpHeaders headers) {
        articles.delete(idOrSlug, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
