package news.masthead.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An article as an IPTC ninjs 2.x news item (https://iptc.org/standards/ninjs/). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Ninjs", description = "IPTC ninjs 2.x news item")
public record Ninjs(
        @Schema(description = "urn:uuid: of the article id") String uri,
        @Schema(examples = "text") String type,

        @Schema(description = "The article's version, as a string", examples = "3")
        String version,

        Instant versioncreated,
        Instant firstcreated,

        @Schema(description = "Set for a scheduled article whose time lies ahead (editors only)")
        Instant embargoed,

        @Schema(enumeration = {"usable", "withheld", "canceled"})
        String pubstatus,

        String language,
        List<Text> headlines,
        List<Text> descriptions,
        List<Text> bodies,
        List<Concept> people,
        List<Concept> places,
        List<Concept> subjects,

        @Schema(
                description =
                        "The lead image (name \"leadimage\") and the body's image blocks (\"image1\", \"image2\", …) with their JPEG renditions")
        List<Association> associations) {

    public static final String MEDIA_TYPE = "application/ninjs+json";

    /** A headline, description or body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsText")
    public record Text(String role, String contenttype, String value) {}

    /** A person, place or subject the item is about. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "NinjsConcept")
    public record Concept(
            String name,
            String rel,
            String uri,
            @JsonProperty("geometry_geojson") Point geometryGeojson) {}

    /** A picture the item uses, with links to its renditions. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "NinjsAssociation")
    public record Association(
            String name,
            @Schema(examples = "picture") String type,
            String uri,
            String version,
            List<Text> descriptions,
            @Schema(description = "The credit") String by,
            String copyrightnotice,
            List<Rendition> renditions) {}

    /** One rendition of a picture: an absolute link, its type and size. */
    @Schema(name = "NinjsRendition")
    public record Rendition(String name, String href, String contenttype, int width, int height) {}

    /** A GeoJSON point: [longitude, latitude]. */
    @Schema(name = "NinjsPoint")
    public record Point(String type, List<Double> coordinates) {}
}
