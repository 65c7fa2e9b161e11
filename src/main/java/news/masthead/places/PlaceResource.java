package news.masthead.places;

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

@Path("/api/v1/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "Places who are quoted or written about.")
public class PlaceResource {

    @Inject
    PlaceService places;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List places",
            description =
                    "Sort: name (default); with near and no sort, by distance; " + "with q and no sort, by relevance.")
    @APIResponseSchema(value = PlacePage.class, responseDescription = "A page of places")
    public RestResponse<JsonText> list(@BeanParam PlaceListParams params, @Context UriInfo uri) {
        return Lists.ok(places.list(params), uri);
    }

    @GET
    @Replayable
    @Path("{idOrSlug}")
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Get a place by id or slug",
            description = "Sends ETag and Last-Modified; If-None-Match gives 304.")
    public RestResponse<PlaceView> get(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        PlaceView p = places.get(idOrSlug);
        return Conditional.ok(headers, p, p.version(), p.updatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Create a place",
            description = "The slug is derived from the name when omitted; a parent cycle is a 400.")
    public RestResponse<PlaceView> create(@RequestBody(required = true) PlaceInput input, @Context UriInfo uri) {
        PlaceView p = places.create(input);
        return Conditional.created(uri, p.id(), p, p.version(), p.updatedAt());
    }

    @PUT
    @Path("{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace a place",
            description = "Omitted optional fields return to their defaults. Honours If-Match.")
    public RestResponse<PlaceView> replace(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(required = true) PlaceInput input,
            @Context HttpHeaders headers) {
        PlaceView p = places.replace(idOrSlug, input, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @PATCH
    @Path("{idOrSlug}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some fields of a place",
            description = "JSON Merge Patch (RFC 7396). Honours If-Match.")
    public RestResponse<PlaceView> patch(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = PlaceInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        PlaceView p = places.patch(idOrSlug, patch, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @DELETE
    @Path("{idOrSlug}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a place",
            description = "409 while other places lie inside it or articles are linked to it. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Context HttpHeaders headers) {
        places.delete(idOrSlug, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
