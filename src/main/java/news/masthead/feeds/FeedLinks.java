package news.masthead.feeds;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What both feed formats say about the feed itself: id, title, links and last update. */
record FeedLinks(String id, String title, String self, String home, String root, Instant updated) {

    static FeedLinks of(URI base, URI self, FeedQuery query, List<FeedItem> items) {
        Map<String, String> filters = query.asMap();
        String canonical = "masthead:feeds:articles" + filters;
        String title = "Masthead: newest articles"
                + (filters.isEmpty() ? "" : " (" + filters.toString().replaceAll("[{}]", "") + ")");
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        Instant updated =
                items.stream().map(FeedItem::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
        return new FeedLinks(
                "urn:uuid:" + UUID.nameUUIDFromBytes(canonical.getBytes(StandardCharsets.UTF_8)),
                title,
                self.toString(),
                root + "api/v1/articles",
                root,
                updated);
    }

    String articleUrl(FeedItem item) {
        return root + "api/v1/articles/" + item.slug();
    }

    /** An absolute URL of a path relative to the service root. */
    String url(String path) {
        return root + path;
    }
}
