package news.masthead.comments;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.query.ListParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors' side of comments: the moderation queue and each comment, with the author's e-mail. */
@Path(CommentResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Comments", description = "Reader comments on articles, and their moderation.")
public class CommentResource {

    static final String PATH = "/api/v1/comments";

    @Inject
    CommentService comments;

    @GET
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "List comments for moderation",
            description =
                    "Every status, with e-mail addresses. Filters: article (id or slug; unknown gives an empty list), "
                            + "status. Sort: createdAt (default, oldest first), updatedAt.")
    public RestResponse<Page<CommentView>> list(
            @BeanParam ListParams params,
            @Parameter(description = "Only comments on this article (id or slug)") @QueryParam("article")
                    String article,
            @Parameter(
                            description = "Only comments in this state",
                            schema = @Schema(implementation = CommentStatus.class))
                    @QueryParam("status")
                    String status,
            @Context UriInfo uri) {
        return Lists.ok(comments.list(article, status, params.sort, params.page()), uri);
    }

    @GET
    @Path("{id}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Get a comment by id",
            description = "With the author's e-mail. Sends ETag and Last-Modified; If-None-Match gives 304.")
    public RestResponse<CommentView> get(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        CommentView c = comments.get(id);
        return Conditional.ok(headers, c, c.version(), c.updatedAt());
    }

    @PATCH
    @Path("{id}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Moderate or edit a comment",
            description =
                    "JSON Merge Patch (RFC 7396), e.g. {\"status\":\"approved\"}. Only approved comments are public. Honours If-Match.")
    public RestResponse<CommentView> patch(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = CommentInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        CommentView c = comments.patch(id, patch, IfMatch.of(headers));
        return Conditional.written(c, c.version(), c.updatedAt());
    }

    @DELETE
    @Path("{id}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a comment", description = "Its replies stay, as top-level comments. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id, @Context HttpHeaders headers) {
        comments.delete(id, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
