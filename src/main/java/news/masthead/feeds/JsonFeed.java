package news.masthead.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "JsonFeed", description = "JSON Feed 1.1")
public record JsonFeed(
        @Schema(examples = "https://jsonfeed.org/version/1.1")
        String version,

        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        List<Item> items) {

    static final String MEDIA_TYPE = "application/feed+json";
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "JsonFeedItem")
    public record Item(
            @Schema(description = "The article's id") String id,
            String url,
            String title,
            @Schema(description = "The standfirst") String summary,
            @JsonProperty("content_text") String contentText,

            @JsonProperty("content_html")
            @Schema(
                    description =
                            "The body as HTML: paragraphs, headings, quotes, related links, and each image block as "
                                    + "a figure (a JPEG rendition at the standard width, alt text, caption)")
            String contentHtml,

            @Schema(
                    description =
                            "The lead image: a JPEG rendition at the standard width, the largest of cms.images.widths up to 1280 "
                                    + "(or the original's width if smaller)")
            String image,

            @JsonProperty("banner_image")
            @Schema(
                    description =
                            "The lead image cropped around its focal point to the largest of cms.images.widths up to "
                                    + "1920, by the one nearest a third of that (1920 × 640 by default)")
            String bannerImage,

            @JsonProperty("date_published") Instant datePublished,
            @JsonProperty("date_modified") Instant dateModified,
            List<Author> authors,
            List<String> tags,
            String language) {}

    @Schema(name = "JsonFeedAuthor")
    public record Author(String name) {}

    static JsonFeed of(FeedLinks feed, List<FeedItem> items) {
        return new JsonFeed(
                VERSION,
                feed.title(),
                feed.home(),
                feed.self(),
                items.stream()
                        .map(i -> new Item(
                                i.id().toString(),
                                feed.articleUrl(i),
                                i.headline(),
                                i.standfirst(),
                                i.text(),
                                i.html(),
                                i.image() == null
                                        ? null
                                        : feed.url(i.image().standard().path()),
                                i.image() == null
                                        ? null
                                        : feed.url(i.image().banner().path()),
                                i.published(),
                                i.updated(),
                                i.author() == null ? null : List.of(new Author(i.author())),
                                i.tags().isEmpty() ? null : i.tags(),
                                i.language()))
                        .toList());
    }
}
