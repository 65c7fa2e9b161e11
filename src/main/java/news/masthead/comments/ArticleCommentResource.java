package news.masthead.comments;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.errors.Problem;
import news.masthead.kernel.http.ClientAddress;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.Replayable;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Readers' side of comments: an article's approved comments, and posting a new one. */
@Path("/api/v1/articles/{idOrSlug}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Reader comments on articles, and their moderation.")
public class ArticleCommentResource {

    @Inject
    CommentService comments;

    @Inject
    CommentRateLimit rateLimit;

    @Inject
    ClientAddress clientAddress;

    @Inject
    Caller caller;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List an article's approved comments",
            description =
                    "Oldest first. Sort: createdAt (default), updatedAt. 404 when the article is not visible to the caller.")
    @APIResponseSchema(value = PublicCommentPage.class, responseDescription = "A page of approved comments")
    public RestResponse<JsonText> list(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @BeanParam ListParams params,
            @Context UriInfo uri) {
        return Lists.ok(comments.approved(idOrSlug, params), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Post a comment on an article",
            description =
                    "Open to anonymous readers of a visible article. The comment is always created pending (a status "
                            + "in the body is ignored) and the reply never shows the e-mail address. 403 when the article's comments "
                            + "are closed; 404 when the article is not visible. Anonymous posts are limited per client address (an IPv6 "
                            + "client per /64) to cms.comments.rate-limit (default 5) in any 60 seconds, a sliding window; and an article "
                            + "takes at most cms.comments.max-pending-per-article (default 100) comments awaiting moderation. "
                            + "Over either limit: 429 with Retry-After.")
    @APIResponse(
            responseCode = "201",
            description = "Created, pending moderation; Location names the new comment (editors only)",
            headers =
                    @Header(
                            name = "Location",
                            description = "URL of the created comment",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PublicCommentView.class)))
    @APIResponse(
            responseCode = "403",
            description = "The article's comments are closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(
            responseCode = "429",
            description = "Too many comments from this address, or awaiting moderation on this article; "
                    + "retry after Retry-After seconds",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds until a retry can succeed",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem")))
    public RestResponse<PublicCommentView> post(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(required = true) CommentInput input,
            @Context UriInfo uri,
            @Context HttpServerRequest request) {
        if (!caller.isEditor()) {
            rateLimit.admit(clientAddress.of(request));
        }
        PublicCommentView c = comments.post(idOrSlug, input);
        URI location = uri.getBaseUriBuilder()
                .path(CommentResource.PATH)
                .path(c.id().toString())
                .build();
        return Conditional.created(location, c, c.version(), c.updatedAt());
    }
}
