package news.masthead.feeds;

import news.masthead.images.Published;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article as the feeds show it; {@code text} and {@code html}: the body (see {@link BodyText}), {@code image}: its
 * lead image or null, {@code imageLength}: its standard rendition's bytes.
 */
public record FeedItem(
        UUID id,
        String slug,
        String headline,
        String standfirst,
        String text,
        String html,
        String author,
        List<String> tags,
        String language,
        Instant published,
        Instant updated,
        Published.Picture image,
        long imageLength) {}
