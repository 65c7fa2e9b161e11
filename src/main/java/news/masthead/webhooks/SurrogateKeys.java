package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static news.masthead.kernel.http.SurrogateKeys.KINDS;

/**
 * The CDN keys a change touches: the record's own, its collection's (what its lists carry), then (sorted) those of every record whose responses embed it, as
 * the API renders them:
 * <ul>
 *   <li>a person: articles including them ({@code include=people}), quotes they said ({@code include=speaker});
 *   <li>a place: articles including it ({@code include=places});
 *   <li>a quote: its article ({@code include=quotes});
 *   <li>a comment: its article (whose comments it is listed with);
 *   <li>an article: its quotes ({@code include=article}, and their articleId, hidden with the article), the articles
 *       whose related blocks name it (an anonymous copy shows such a block only while the article is visible), and
 *       those articles' quotes;
 *   <li>an image: articles using it (the lead image is always rendered, image blocks with {@code include=images}),
 *       the quotes of articles it leads ({@code include=article} renders the lead image), people it portrays.
 * </ul>
 * Read from the rows as they are now; a public webhook is told only about articles anonymous readers can see, so a key
 * never reveals a draft.
 */
@ApplicationScoped
@Transactional
class SurrogateKeys {

    private static final String VISIBLE = "(:all or article_visible(a.status, a.published_at, now()))";
    private static final String RELATING =
            "select r.id from articles r where masthead_related_ids(r.body) @> array[cast(:id as uuid)]";

    /** Per collection: the statement listing the keys of the records embedding the one with id {@code :id}. */
    private static final Map<String, String> EMBEDDING = Map.of(
            "people",
            articles("select article_id from article_people where person_id = :id")
                    + " union select 'quote:' || q.id from quotes q where q.speaker_id = :id",
            "places",
            articles("select article_id from article_places where place_id = :id"),
            "quotes",
            articles("select article_id from quotes where id = :id"),
            "comments",
            articles("select article_id from comments where id = :id"),
            "articles",
            "select 'quote:' || q.id from quotes q where q.article_id = :id union " + articles(RELATING) + " union "
                    + quotesOf(RELATING),
            "images",
            articles("select article_id from article_images where image_id = :id") + " union "
                    + quotesOf("select id from articles where lead_image_id = :id")
                    + " union select 'person:' || p.id from people p where p.image_id = :id");

    @Inject
    EntityManager em;

    List<String> of(String collection, UUID id, boolean all) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(KINDS.getOrDefault(collection, collection) + ":" + id);
        if (KINDS.containsKey(collection)) {
            keys.add(collection); // its lists (and article lists filtered by it) carry the collection's key
        }
        String embedding = EMBEDDING.get(collection);
        if (embedding != null) {
            List<?> found = em.createNativeQuery("select k from (" + embedding + ") keys (k) order by k")
                    .setParameter("id", id)
                    .setParameter("all", all)
                    .getResultList();
            for (Object key : found) {
                keys.add((String) key);
            }
        }
        return new ArrayList<>(keys);
    }

    /** The keys of the articles among {@code ids} (a statement) the scope sees. */
    private static String articles(String ids) {
        return "select 'article:' || a.id from articles a where a.id in (" + ids + ") and " + VISIBLE;
    }

    /** The keys of the quotes of the articles among {@code ids} the scope sees. */
    private static String quotesOf(String ids) {
        return "select 'quote:' || q.id from quotes q join articles a on a.id = q.article_id where a.id in (" + ids
                + ") and " + VISIBLE;
    }
}
