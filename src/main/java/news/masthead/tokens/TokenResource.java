package news.masthead.tokens;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens", description = "API tokens with a role (admin only). Secrets are shown once and stored hashed.")
public class TokenResource {

    @Inject
    TokenService tokens;

    @GET
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "List API tokens", description = "Without their secrets. Sort: createdAt (default), name.")
    public RestResponse<Page<TokenView>> list(@BeanParam ListParams params, @Context UriInfo uri) {
        return Lists.ok(tokens.list(params.sort, params.page()), uri);
    }

    @GET
    @Path("{id}")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Get an API token by id", description = "Without its secret. Sends ETag and Last-Modified.")
    public RestResponse<TokenView> get(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        TokenView t = tokens.get(id);
        return Conditional.ok(headers, t, t.version(), t.updatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Create an API token",
            description = "The response carries the token's secret: this is the only time it is shown.")
    public RestResponse<CreatedTokenView> create(@RequestBody(required = true) TokenInput input, @Context UriInfo uri) {
        CreatedTokenView t = tokens.create(input);
        return Conditional.created(uri, t.id(), t, t.version(), t.updatedAt());
    }

    @DELETE
    @Path("{id}")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Revoke an API token",
            description =
                    "Effective at once: the next request carrying it is a 401, on every instance. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id, @Context HttpHeaders headers) {
        tokens.delete(id, IfMatch.of(headers));
        return RestResponse.noContent();
    }
}
