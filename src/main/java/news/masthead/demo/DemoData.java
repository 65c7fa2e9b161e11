package news.masthead.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.masthead.articles.ArticleStatus;
import news.masthead.articles.Block;
import news.masthead.places.PlaceKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The demo content as kept in {@code src/main/resources/demo/*.json}. Records refer to each other
 * by a {@code key} of the file (ids are assigned by the services); times are written relative to
 * the moment of loading ({@code "now-P2DT6H"}, {@code "now+P2D"}), so "published two days ago" and
 * "scheduled for the day after tomorrow" stay true whenever the content is loaded.
 */
record DemoData(List<PersonData> people, List<PlaceData> places, List<ArticleData> articles, List<QuoteData> quotes) {

    static final String DIR = "demo/";

    /** {@code image}: a portrait drawn at load time, or null. */
    record PersonData(
            String key,
            String name,
            List<String> aliases,
            String role,
            String affiliation,
            String description,
            ImageData image) {}

    /** A picture drawn at load time (see {@link DemoPictures}) and what the newsroom says about it. */
    record ImageData(String alt, String caption) {}

    /** Parents come before their children in the file. */
    record PlaceData(
            String key,
            String name,
            List<String> aliases,
            PlaceKind kind,
            String parent,
            Double latitude,
            Double longitude,
            Long population,
            String countryCode) {}

    /**
     * Related articles ({@code "article": key}) come before the articles that link to them; {@code image}: a lead
     * image drawn at load time, or null.
     */
    record ArticleData(
            String key,
            String headline,
            String standfirst,
            String source,
            String byline,
            String section,
            List<String> tags,
            ArticleStatus status,
            String publishedAt,
            Boolean commentsOpen,
            List<String> people,
            List<String> places,
            List<BlockData> body,
            ImageData image) {}

    /** A body block: like the API's, with {@code quote} and {@code article} naming keys instead of ids. */
    record BlockData(Block.Type type, String text, String quote, String article, String url, String title) {

        Block toBlock(Function<String, UUID> quoteIds, Function<String, UUID> articleIds) {
            return new Block(
                    type,
                    text,
                    quote == null ? null : quoteIds.apply(quote),
                    article == null ? null : articleIds.apply(article),
                    url,
                    title,
                    null,
                    null);
        }
    }

    record QuoteData(
            String key,
            String speaker,
            String article,
            String text,
            String context,
            String channel,
            String saidAt,
            String language) {}

    static DemoData read(ObjectMapper mapper) {
        return new DemoData(
                read(mapper, "people.json", new TypeReference<>() {}),
                read(mapper, "places.json", new TypeReference<>() {}),
                read(mapper, "articles.json", new TypeReference<>() {}),
                read(mapper, "quotes.json", new TypeReference<>() {}));
    }

    private static <T> List<T> read(ObjectMapper mapper, String file, TypeReference<List<T>> type) {
        String resource = DIR + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    /** {@code null}, an ISO-8601 instant, {@code now}, or {@code now} plus or minus an ISO-8601 duration. */
    static Instant time(String value, Instant now) {
        if (value == null) {
            return null;
        }
        try {
            if (!value.startsWith("now")) {
                return Instant.parse(value);
            }
            String offset = value.substring(3);
            if (offset.isEmpty()) {
                return now;
            }
            return now.plus(Duration.parse(offset.startsWith("+") ? offset.substring(1) : offset));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Demo content: bad time '" + value + "'", e);
        }
    }
}
