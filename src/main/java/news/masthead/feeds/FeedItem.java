package news.masthead.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One article as the feeds show it. */
public record FeedItem(UUID id, String slug, String headline, String standfirst, String text, String author,
                       List<String> tags, String language, Instant published, Instant updated) {
}
