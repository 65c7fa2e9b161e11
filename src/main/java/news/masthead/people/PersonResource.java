package news.masthead.people;

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

@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "People who are quoted or written about.")
public class PersonResource {

    @Inject
    PersonService people;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(summary = "List people", description = "Sort: name (default); with q and no sort, by relevance.")
    @APIResponseSchema(value = PersonPage.class, responseDescription = "A page of people")
    public RestResponse<JsonText> list(@BeanParam PersonListParams params, @Context UriInfo uri) {
        return Lists.ok(people.list(params), uri);
    }

    @GET
    @Replayable
    @Path("{idOrSlug}")
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Get a person by id or slug",
            description = "Sends ETag and Last-Modified; If-None-Match gives 304.")
    public RestResponse<PersonView> get(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        PersonView p = people.get(idOrSlug);
        return Conditional.ok(headers, p, p.version(), p.updatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a person", description = "The slug is derived from the name when omitted.")
    public RestResponse<PersonView> create(@RequestBody(required = true) PersonInput input, @Context UriInfo uri) {
        PersonView p = people.create(input);
        return Conditional.created(uri, p.id(), p, p.version(), p.updatedAt());
    }

    @PUT
    @Path("{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace a person",
            description = "Omitted optional fields return to their defaults. Honours If-Match.")
    public RestResponse<PersonView> replace(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(required = true) PersonInput input,
            @Context HttpHeaders headers) {
        PersonView p = people.replace(idOrSlug, input, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @PATCH
    @Path("{idOrSlug}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some fields of a person",
            description = "JSON Merge Patch (RFC 7396). Honours If-Match.")
    public RestResponse<PersonView> patch(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = PersonInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        PersonView p = people.patch(idOrSlug, patch, IfMatch.of(headers));
        return Conditional.written(p, p.version(), p.updatedAt());
    }

    @DELETE
    @Path("{idOrSlug}")
    @Access(Role.EDITOR)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a person",
            description = "409 while the person is quoted or linked to an article. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @Context HttpHeaders headers) {
        people.delete(idOrSlug, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
