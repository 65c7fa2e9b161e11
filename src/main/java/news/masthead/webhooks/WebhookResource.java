package news.masthead.webhooks;

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

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed, ordered, retried pushes of change-feed entries (admin only).")
public class WebhookResource {

    private static final String DELIVERY =
            "Each matching change-feed entry is POSTed to the url in seq order, at least once, "
                    + "as {type, seq, collection, id, op, at, data, surrogateKeys}, signed per Standard Webhooks (webhook-id, "
                    + "webhook-timestamp, webhook-signature). A failed attempt (non-2xx, redirect, no answer within "
                    + "cms.webhooks.timeout) is retried with exponential backoff and holds back the later entries; after "
                    + "cms.webhooks.retry-for the webhook is deactivated, with the reason in inactiveReason.";

    @Inject
    WebhookService webhooks;

    @GET
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "List webhooks", description = "Without their secrets. Sort: createdAt (default).")
    public RestResponse<Page<WebhookView>> list(@BeanParam ListParams params, @Context UriInfo uri) {
        return Lists.ok(webhooks.list(params.sort, params.page()), uri);
    }

    @GET
    @Path("{id}")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Get a webhook by id", description = "Without its secret. Sends ETag and Last-Modified.")
    public RestResponse<WebhookView> get(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @Parameter(description = OpenApiDocs.FIELDS) @QueryParam("fields") String fields,
            @Context HttpHeaders headers) {
        WebhookView w = webhooks.get(id);
        return Conditional.ok(headers, w, w.version(), w.updatedAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Create a webhook",
            description = DELIVERY + " Entries committed after its creation are sent. "
                    + "The response carries the signing secret: the only time it is shown.")
    public RestResponse<CreatedWebhookView> create(
            @RequestBody(required = true) WebhookInput input, @Context UriInfo uri) {
        CreatedWebhookView w = webhooks.create(input);
        return Conditional.created(uri, w.id(), w, w.version(), w.updatedAt());
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Replace a webhook",
            description = "Omitted optional fields return to their defaults. Honours If-Match.")
    public RestResponse<WebhookView> replace(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(required = true) WebhookInput input,
            @Context HttpHeaders headers) {
        WebhookView w = webhooks.replace(id, input, IfMatch.of(headers));
        return Conditional.written(w, w.version(), w.updatedAt());
    }

    @PATCH
    @Path("{id}")
    @Consumes({OpenApiDocs.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Change some fields of a webhook",
            description =
                    "JSON Merge Patch (RFC 7396). {\"active\": true} resumes a deactivated webhook from where it stopped. "
                            + "Honours If-Match.")
    public RestResponse<WebhookView> patch(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = OpenApiDocs.MERGE_PATCH,
                                            schema = @Schema(implementation = WebhookInput.class)))
                    JsonNode patch,
            @Context HttpHeaders headers) {
        WebhookView w = webhooks.patch(id, patch, IfMatch.of(headers));
        return Conditional.written(w, w.version(), w.updatedAt());
    }

    @DELETE
    @Path("{id}")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Delete a webhook",
            description = "Nothing more is sent; its delivery log goes with it. Honours If-Match.")
    public RestResponse<Void> delete(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id, @Context HttpHeaders headers) {
        webhooks.delete(id, IfMatch.of(headers));
        return RestResponse.noContent();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Rotate a webhook's signing secret",
            description =
                    "The response carries the new secret (shown this once); attempts from now on are signed with it.")
    public RestResponse<CreatedWebhookView> rotateSecret(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id) {
        CreatedWebhookView w = webhooks.rotateSecret(id);
        return Conditional.written(w, w.version(), w.updatedAt());
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Re-send a webhook's entries from a change-feed cursor",
            description = "Every matching entry after `after` is sent again, in order, before anything newer; replayed "
                    + "deliveries carry new webhook-ids. Clears a pending retry.")
    public RestResponse<WebhookView> replay(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @RequestBody(required = true) ReplayInput input) {
        WebhookView w = webhooks.replay(id, input);
        return Conditional.written(w, w.version(), w.updatedAt());
    }

    @POST
    @Path("{id}/ping")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "Send a ping event to a webhook",
            description =
                    "A signed {\"type\":\"ping\"} POST made now, outside the order of entries; answers with its outcome, "
                            + "which is also logged among the deliveries.")
    public RestResponse<DeliveryView> ping(@Parameter(description = OpenApiDocs.ID) @PathParam("id") String id) {
        return RestResponse.ok(webhooks.ping(id));
    }

    @GET
    @Path("{id}/deliveries")
    @Access(Role.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(
            summary = "List a webhook's delivery attempts",
            description = "Newest first; kept for cms.webhooks.delivery-retention (7 days by default).")
    public RestResponse<Page<DeliveryView>> deliveries(
            @Parameter(description = OpenApiDocs.ID) @PathParam("id") String id,
            @BeanParam DeliveryListParams params,
            @Context UriInfo uri) {
        return Lists.ok(webhooks.deliveries(id, params.page()), uri);
    }
}
