package news.masthead.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import news.masthead.articles.Article;
import news.masthead.articles.Block;
import news.masthead.articles.Visibility;
import news.masthead.images.Published;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.http.ETag;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.sql.Lookup;
import news.masthead.people.Person;
import news.masthead.places.Place;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * The newest visible articles for the public feeds. Visible means visible to anonymous callers,
 * whoever asks: a feed is public output.
 */
@ApplicationScoped
@Transactional
public class FeedService {

    public static final int SIZE = 50;

    /**
     * A rendered feed and its weak ETag, kept together so that a 304 costs neither a query nor rendering, and its
     * surrogate keys: its articles and lead images, and the collections its text draws on (quotes and their speakers,
     * body images) or its filter names.
     */
    public record Rendered(byte[] body, String etag, Set<String> keys) {}

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    Listing listing;

    @Inject
    BodyText bodyText;

    @Inject
    ReadCache cache;

    @Inject
    Published published;

    /**
     * The feed of {@code query} written by {@code write}, from the read cache while current. The key is the
     * request's URI (it names the format and the filters, and the feed links to it) and the base URI.
     */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, which opens a transaction only to compute
    public Rendered rendered(FeedQuery query, URI base, URI self, BiFunction<FeedLinks, List<FeedItem>, byte[]> write) {
        return cache.get("feed|" + base + "|" + self, Rendered::keys, Rendered::body, () -> {
            List<FeedItem> items = newest(query, base.toString().endsWith("/") ? base.toString() : base + "/");
            byte[] body = write.apply(FeedLinks.of(base, self, query, items), items);
            Set<String> keys = new LinkedHashSet<>(List.of("articles", "quotes", "people", "places", "images"));
            for (FeedItem item : items) {
                keys.add("article:" + item.id());
                if (item.image() != null) {
                    keys.add("image:" + item.image().id());
                }
            }
            return new Rendered(body, ETag.weak(body), keys);
        });
    }

    /**
     * The newest visible articles that match: one walk of the date index, or of the section's, or with a tag,
     * of that tag's article_tagged index, or with a place, of that place's article_places_within index, or with a
     * person alone, of that person's article_named index (the sources lists use too); then one load of those rows.
     */
    public List<FeedItem> newest(FeedQuery query, String root) {
        String source = "articles";
        StringBuilder where = new StringBuilder(Visibility.publicArticleSql("e"));
        Map<String, Object> params = new HashMap<>();
        if (query.tag() != null) {
            source = Article.TAGGED_SQL; // a place replaces it below; the condition then does the tag's part
            where.append(" and e.tags @> array[cast(:tag as text)]");
            params.put("tag", query.tag());
        }
        if (query.section() != null) {
            where.append(" and e.section = :section");
            params.put("section", query.section());
        }
        if (query.person() != null) {
            Optional<UUID> person = lookup.resolveId(Person.class, query.person());
            if (person.isEmpty()) {
                return List.of();
            }
            if (query.tag() == null && query.place() == null) {
                source = Article.naming(":person");
            } else {
                where.append(" and ").append(Article.namesPerson(":person"));
            }
            params.put("person", person.get());
        }
        if (query.place() != null) {
            Optional<UUID> place = lookup.resolveId(Place.class, query.place());
            if (place.isEmpty()) {
                return List.of();
            }
            source = Article.inPlace(":place");
            params.put("place", place.get());
        }
        Query q = em.createNativeQuery("select e.id from " + source + " e where " + where
                + " order by e.published_at desc nulls last, e.id desc limit " + SIZE);
        params.forEach(q::setParameter);
        List<UUID> ids = new ArrayList<>();
        q.getResultList().forEach(row -> ids.add((UUID) row));
        List<Article> articles = listing.load(Article.class, ids, a -> a.id);
        Map<UUID, List<Block>> bodies = new HashMap<>();
        articles.forEach(a -> bodies.put(a.id, bodyText.blocks(a.body)));
        // Lead and body images of the whole page in one statement.
        Map<UUID, Published.Picture> images = published.of(Stream.concat(
                        articles.stream().map(a -> a.leadImageId),
                        bodies.values().stream().flatMap(List::stream).map(Block::imageId))
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return articles.stream()
                .map(a -> item(a, bodyText.render(bodies.get(a.id), images, root), images.get(a.leadImageId)))
                .toList();
    }

    private FeedItem item(Article a, BodyText.Body body, Published.Picture image) {
        String author = a.byline != null && !a.byline.isBlank()
                ? a.byline
                : a.source != null && !a.source.isBlank() ? a.source : null;
        Instant updated = a.publishedAt != null && a.publishedAt.isAfter(a.updatedAt) ? a.publishedAt : a.updatedAt;
        return new FeedItem(
                a.id,
                a.slug,
                a.headline,
                a.standfirst,
                body.text(),
                body.html(),
                author,
                List.copyOf(a.tags),
                a.language,
                a.publishedAt,
                updated,
                image,
                image == null ? 0 : image.standardBytes());
    }
}
