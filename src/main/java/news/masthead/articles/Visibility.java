package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.IdList;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Reads;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides which articles a caller may see. Editors see every article; anyone else
 * sees an article only while it is visible: published, or scheduled and its publishedAt has come (a
 * condition evaluated at read time, so no job publishes anything). The rule itself is written once, as
 * the SQL functions {@code article_visible} and {@code article_embargoed} of migration V12, which every
 * query, trigger and counter calls; {@link #visible} and {@link #embargoed} are the same rule for a row
 * already in memory (a test checks that both sides agree on every status and time). "Has come" is always
 * decided by the database's clock ({@code now()}, {@link #databaseNow()}), never the JVM's, so that
 * instances whose clocks disagree still agree on what is visible.
 */
@ApplicationScoped
public class Visibility {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    /** SQL condition: the row of articles aliased {@code alias} is visible to anonymous readers now. */
    public static String publicArticleSql(String alias) {
        return "article_visible(" + alias + ".status, " + alias + ".published_at, now())";
    }

    /** V12's article_visible: visible to anonymous readers at {@code at}, which must be the database's clock. */
    public static boolean visible(ArticleStatus status, Instant publishedAt, Instant at) {
        return status == ArticleStatus.published
                || status == ArticleStatus.scheduled && publishedAt != null && !embargoed(status, publishedAt, at);
    }

    /** V12's article_embargoed: scheduled and its time still ahead of {@code at} (the database's clock). */
    public static boolean embargoed(ArticleStatus status, Instant publishedAt, Instant at) {
        return status == ArticleStatus.scheduled && publishedAt != null && publishedAt.isAfter(at);
    }

    /** The database's clock: the {@code at} of {@link #visible} and {@link #embargoed}. */
    public Instant databaseNow() {
        return Reads.instant(((Number) em.createNativeQuery("select " + Reads.epochMicros("now()"))
                        .getSingleResult())
                .longValue());
    }

    /** Whether the current caller sees every article (drafts, archived, future-scheduled). */
    public boolean seesAll() {
        return caller.isEditor();
    }

    /** A name for what the current caller may see, for binding list cursors and cache entries to it. */
    public String scope() {
        return seesAll() ? "all" : "visible";
    }

    /** Whether anonymous callers may read the article with this id now (article_visible, by the database's clock). */
    public boolean isPublic(UUID id) {
        return !em.createNativeQuery(
                        "select 1 from articles a where a.id = cast(:id as uuid) and " + publicArticleSql("a"))
                .setParameter("id", id.toString())
                .getResultList()
                .isEmpty();
    }

    /** The article by id or slug when the caller may see it; otherwise 404, exactly as if it did not exist. */
    public Article article(String idOrSlug) {
        return lookup.byIdOrSlug(Article.class, idOrSlug)
                .filter(a -> seesAll() || visible(a.status, a.publishedAt, databaseNow()))
                .orElseThrow(() -> notFound(idOrSlug));
    }

    /**
     * The id of {@link #article}, by one statement that loads no entity (a read needing no more than the id spends
     * most of its time loading and then dirty-checking the whole article otherwise).
     */
    public UUID articleId(String idOrSlug) {
        Optional<UUID> id = Lookup.asId(idOrSlug);
        if (id.isEmpty() && !Lookup.couldBeSlug(idOrSlug)) {
            throw notFound(idOrSlug);
        }
        Query query = em.createNativeQuery("select a.id from articles a where " + byIdOrSlug(id.isPresent())
                        + (seesAll() ? "" : " and " + publicArticleSql("a")) + ID_FIRST)
                .setParameter("slug", idOrSlug);
        id.ifPresent(uuid -> query.setParameter("id", uuid.toString()));
        List<?> found = query.getResultList();
        if (found.isEmpty()) {
            throw notFound(idOrSlug);
        }
        return (UUID) found.get(0);
    }

    /**
     * SQL condition: the article aliased {@code a} is the one named by {@code :slug}, or by {@code :id} too when the
     * value is a UUID (a UUID that is no article's id may still be a slug); with {@link #ID_FIRST}, the id wins.
     */
    static String byIdOrSlug(boolean asId) {
        return asId ? "(a.id = cast(:id as uuid) or a.slug = :slug)" : "a.slug = :slug";
    }

    /** SQL: of the rows {@link #byIdOrSlug} matched, the one by id if any. */
    static final String ID_FIRST = " order by a.slug = :slug limit 1";

    private static ApiException notFound(String idOrSlug) {
        return new ApiException.NotFound("No article '" + idOrSlug + "'.");
    }

    /** Those of {@code ids} (nulls allowed) that name an article the caller may see: one query at most. */
    public Set<UUID> visibleArticleIds(Collection<UUID> ids) {
        Set<UUID> wanted = new HashSet<>();
        ids.stream().filter(Objects::nonNull).forEach(wanted::add);
        if (wanted.isEmpty() || seesAll()) {
            return wanted;
        }
        Set<UUID> visible = new HashSet<>();
        IdList in = IdList.of("ids", wanted);
        in.bind(em.createNativeQuery(
                        "select e.id from articles e where e.id " + in.in() + " and " + publicArticleSql("e")))
                .getResultList()
                .forEach(row -> visible.add((UUID) row));
        return visible;
    }
}
