package news.masthead.changes;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.paging.JsonPage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Changes",
        description = "A resumable feed of every change, in commit order, for partners that keep a copy.")
public class ChangeResource {

    @Inject
    ChangeService changes;

    @GET
    @Access(Role.PUBLIC)
    @Operation(
            summary = "Follow the change feed",
            description = "Every create, update and delete of articles, people, places and quotes, in commit order, "
                    + "with strictly increasing seq. Poll with after=<next of the previous answer>: nothing is skipped "
                    + "or repeated. `next` is always present; when items is shorter than limit you are at the end and "
                    + "`next` is where to poll again from. Anonymous callers see only what they may read: an article "
                    + "appears as upsert while it is visible (a scheduled one once its time has come) and as delete when "
                    + "it is unpublished, archived, rescheduled or deleted. Editors see every change.")
    @APIResponseSchema(value = ChangePage.class, responseDescription = "A page of changes")
    public RestResponse<JsonText> list(
            @Parameter(description = "The `next` value of a previous answer; omit to start from the beginning")
                    @QueryParam("after")
                    String after,
            @Parameter(description = "Page size, 1 to 1000 (default 100)", example = "100") @QueryParam("limit")
                    String limit,
            @Context UriInfo uri) {
        JsonPage page = changes.json(after, limit);
        RestResponse.ResponseBuilder<JsonText> rb = RestResponse.ResponseBuilder.ok(page.body());
        if (page.next() != null) {
            String next = uri.getRequestUriBuilder()
                    .replaceQueryParam("after", page.next())
                    .build()
                    .toString();
            rb.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return rb.header("Cache-Control", "no-store").build();
    }
}
