package news.masthead.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import news.masthead.kernel.auth.Access;
import news.masthead.kernel.auth.Role;
import news.masthead.kernel.http.Conditional;
import news.masthead.kernel.http.Replayable;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.UncheckedIOException;

@Path("/api/v1/feeds")
@Tag(
        name = "Feeds",
        description = "The newest visible articles as Atom 1.0 and JSON Feed 1.1, for partners and readers.")
public class FeedResource {

    private static final String DESCRIPTION = "The 50 newest visible articles (published, or scheduled whose time has "
            + "come; the same for every caller), newest first. Filters: tag, section, person and place (id or slug; "
            + "place also matches articles about any place inside it). An unknown person or place gives an empty feed, "
            + "a malformed value 400. Sends a weak ETag; If-None-Match gives 304.";

    @Inject
    FeedService feeds;

    @Inject
    ObjectMapper mapper;

    @GET
    @Replayable
    @Path("articles.atom")
    @Produces(AtomFeed.MEDIA_TYPE)
    @Access(Role.PUBLIC)
    @Operation(summary = "Articles as an Atom feed", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "An Atom 1.0 feed",
            content =
                    @Content(
                            mediaType = AtomFeed.MEDIA_TYPE,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy is current")
    public RestResponse<byte[]> atom(@BeanParam Filters filters, @Context UriInfo uri, @Context HttpHeaders headers) {
        return conditional(
                headers, feeds.rendered(filters.query(), uri.getBaseUri(), uri.getRequestUri(), AtomFeed::write));
    }

    @GET
    @Replayable
    @Path("articles.json")
    @Produces(JsonFeed.MEDIA_TYPE)
    @Access(Role.PUBLIC)
    @Operation(summary = "Articles as a JSON Feed", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "A JSON Feed 1.1",
            content = @Content(mediaType = JsonFeed.MEDIA_TYPE, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the client's copy is current")
    public RestResponse<byte[]> json(@BeanParam Filters filters, @Context UriInfo uri, @Context HttpHeaders headers) {
        return conditional(
                headers, feeds.rendered(filters.query(), uri.getBaseUri(), uri.getRequestUri(), (links, items) -> {
                    try {
                        return mapper.writeValueAsBytes(JsonFeed.of(links, items));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
    }

    /** 200 with the feed's weak ETag, or 304 when If-None-Match names it (a feed has no Last-Modified). */
    private static RestResponse<byte[]> conditional(HttpHeaders headers, FeedService.Rendered feed) {
        return Conditional.ok(headers, feed.body(), feed.etag(), null);
    }

    /** The feed filters as query parameters. */
    public static class Filters {
        @QueryParam("tag")
        @Parameter(description = "Only articles with this tag", example = "ukraine")
        public String tag;

        @QueryParam("section")
        @Parameter(description = "Only articles in this section", example = "world")
        public String section;

        @QueryParam("place")
        @Parameter(
                description = "Id or slug of a place: articles about it or any place inside it",
                example = "kharkiv-oblast")
        public String place;

        @QueryParam("person")
        @Parameter(description = "Id or slug of a person the articles are about", example = "andriy-sybiha")
        public String person;

        FeedQuery query() {
            return FeedQuery.of(tag, section, place, person);
        }
    }
}
