package news.masthead.quotes;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.Replayable;
import news.masthead.kernel.openapi.OpenApiDocs;
import news.masthead.kernel.paging.Lists;
import news.masthead.people.PersonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** What a person said: served here, as people know nothing of quotes. */
@Path("/api/v1/people/{idOrSlug}/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class PersonQuoteResource {

    @Inject
    PersonService people;

    @Inject
    QuoteService quotes;

    @GET
    @Replayable
    @Access(Role.PUBLIC)
    @Operation(
            summary = "List a person's quotes",
            description = "The parameters of GET /api/v1/quotes; 404 for an unknown person.")
    @APIResponseSchema(value = QuotePage.class, responseDescription = "A page of quotes")
    public RestResponse<JsonText> list(
            @Parameter(description = OpenApiDocs.ID_OR_SLUG) @PathParam("idOrSlug") String idOrSlug,
            @BeanParam QuoteListParams params,
            @Context UriInfo uri) {
        params.speaker = people.get(idOrSlug).id().toString(); // the person from ReadCache: no statement while current
        return Lists.ok(quotes.list(params), uri);
    }
}
