package news.masthead.quotes;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quotes", description = "Quotes with their speaker, where and how they were said.")
public class QuoteResource {

    @Inject
    QuoteService quotes;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(summary = "List quotes", description = "Sort: saidAt (default -saidAt, undated last), createdAt.")
    @APIResponseSchema(value = QuotePage.class, responseDescription = "A page of quotes")
    public RestResponse<JsonText> list(@BeanParam QuoteListParams params, @Context UriInfo uri) {
        return Lists.ok(quotes.list(params), uri);
    }

    @GET
    @Replayable
    @Path("{id}")
    @Access(Role.PUBLIC)
    @Operation(summary = "Get a quote by id", description = "Sends ETag and Last-Modified; If-None-Match gives 304.")
    @APIResponseSchema(value = QuoteView.class, responseDescription = "The quote")
    public RestResponse<?> get(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @Parameter(description = "Comma-separated: speaker, article") @QueryParam("include") String include,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        if (include != null) { // included records change on their own: HttpCaching tags the whole body
            return RestResponse.ok(quotes.withIncludes(id, include));
        }
        QuoteService.Shown shown = quotes.shown(id);
        return Conditional.ok(headers, shown.view(), shown.etag(), shown.view().updatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a quote", description = "The speaker (and article, when given) must exist.")
    public RestResponse<QuoteView> create(@RequestBody(required = true) QuoteInput input, @Context UriInfo uri) {
        QuoteView p = quotes.create(input);
        return Conditional.created(uri, p.id(), p, p.version(), p.updatedAt());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace a quote",
            description = "Omitted optional fields return to their defaults. Honours If-Match.")
    public RestResponse<QuoteView> replace(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(required = true) QuoteInput input,
            @Context HttpHeaders headers) {
        QuoteView p = quotes.replace(id, input, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @PATCH
    @Path("{id}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some fields of a quote",
            description = "JSON Merge Patch (RFC 7396). Honours If-Match.")
    public RestResponse<QuoteView> patch(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = QuoteInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        QuoteView p = quotes.patch(id, patch, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @DELETE
    @Path("{id}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a quote", description = "Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id, @Context HttpHeaders headers) {
        quotes.delete(id, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
