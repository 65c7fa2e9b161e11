package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CDN keys a change touches: the record's own, and those of the records whose responses embed it (an article
 * embeds its people, places and quotes; a quote its speaker and article). Read from the rows as they are now; a public
 * webhook is told only about articles anonymous readers can see, so a key never reveals a draft.
 */
@ApplicationScoped
@Transactional
class SurrogateKeys {

    /** Per collection: the prefix of its key, and the statement listing the keys of the records embedding one of them. */
    private static final Map<String, String> PREFIX = Map.of(
            "articles", "article", "people", "person", "places", "place", "quotes", "quote", "comments", "comment");

    private static final String ARTICLES_WITH = """
            select 'article:' || a.id from articles a where a.id in (select article_id from %s where %s = :id)
              and (:all or article_visible(a.status, a.published_at, now()))""";
    private static final Map<String, String> EMBEDDING = Map.of(
            "people",
                    ARTICLES_WITH.formatted("article_people", "person_id")
                            + " union all select 'quote:' || q.id from quotes q where q.speaker_id = :id",
            "places", ARTICLES_WITH.formatted("article_places", "place_id"),
            "quotes", """
                    select 'article:' || a.id from quotes q join articles a on a.id = q.article_id
                    where q.id = :id and (:all or article_visible(a.status, a.published_at, now()))""",
            "comments", """
                    select 'article:' || a.id from comments c join articles a on a.id = c.article_id
                    where c.id = :id and (:all or article_visible(a.status, a.published_at, now()))""",
            "articles", "select 'quote:' || q.id from quotes q where q.article_id = :id");

    @Inject
    EntityManager em;

    List<String> of(String collection, UUID id, boolean all) {
        List<String> keys = new ArrayList<>();
        keys.add(PREFIX.getOrDefault(collection, collection) + ":" + id);
        if (collection.equals("articles")) {
            keys.add("articles");
        }
        String embedding = EMBEDDING.get(collection);
        if (embedding != null) {
            var q = em.createNativeQuery(embedding, String.class).setParameter("id", id);
            if (embedding.contains(":all")) {
                q.setParameter("all", all);
            }
            for (Object key : q.getResultList()) {
                keys.add((String) key);
            }
        }
        return keys;
    }
}
