package news.masthead.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import news.masthead.articles.Article;
import news.masthead.articles.Visibility;
import news.masthead.common.Lookup;
import news.masthead.people.Person;
import news.masthead.places.Place;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The newest visible articles for the public feeds. Visible means visible to anonymous callers,
 * whoever asks: a feed is public output.
 */
@ApplicationScoped
@Transactional
public class FeedService {

    public static final int SIZE = 50;

    @Inject
    EntityManager em;
    @Inject
    Lookup lookup;
    @Inject
    BodyText bodyText;

    public List<FeedItem> newest(FeedQuery query) {
        StringBuilder where = new StringBuilder(Visibility.publicArticle("e"));
        Map<String, Object> params = new HashMap<>();
        if (query.tag() != null) {
            where.append(" and array_position(e.tags, :tag) > 0");
            params.put("tag", query.tag());
        }
        if (query.section() != null) {
            where.append(" and e.section = :section");
            params.put("section", query.section());
        }
        if (query.person() != null) {
            Optional<Person> person = lookup.byIdOrSlug(Person.class, query.person());
            if (person.isEmpty()) {
                return List.of();
            }
            where.append(" and e.id in (select a.id from Article a join a.personIds p where p = :person)");
            params.put("person", person.get().id);
        }
        if (query.place() != null) {
            Optional<Place> place = lookup.byIdOrSlug(Place.class, query.place());
            if (place.isEmpty()) {
                return List.of();
            }
            where.append(" and e.id in (select a.id from Article a join a.placeIds p where p in :places)");
            params.put("places", placeAndBelow(place.get().id));
        }
        TypedQuery<Article> q = em.createQuery("select e from Article e where " + where
                + " order by e.publishedAt desc nulls last, e.id desc", Article.class).setMaxResults(SIZE);
        params.forEach(q::setParameter);
        return q.getResultList().stream().map(this::item).toList();
    }

    /** The place and every place inside it, any depth. */
    @SuppressWarnings("unchecked")
    List<UUID> placeAndBelow(UUID id) {
        return em.createNativeQuery("""
                        with recursive below(id) as (
                            select cast(:id as uuid)
                            union
                            select p.id from places p join below b on p.parent_id = b.id)
                        select id from below""", UUID.class)
                .setParameter("id", id).getResultList();
    }

    private FeedItem item(Article a) {
        String author = a.byline != null && !a.byline.isBlank() ? a.byline
                : a.source != null && !a.source.isBlank() ? a.source : null;
        Instant updated = a.publishedAt != null && a.publishedAt.isAfter(a.updatedAt) ? a.publishedAt : a.updatedAt;
        return new FeedItem(a.id, a.slug, a.headline, a.standfirst, bodyText.of(a.body), author, List.copyOf(a.tags),
                a.language, a.publishedAt, updated);
    }
}
