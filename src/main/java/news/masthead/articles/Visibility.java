package news.masthead.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.auth.Caller;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The one place that decides which articles a caller may see. Editors see every article; anyone
 * else sees an article only when it is published, or scheduled and its publishedAt has come (a
 * query condition evaluated at read time, so no job publishes anything). Everything that reads
 * articles, or data hanging off them (quotes' articleId, comments, feeds, changes), asks here.
 * "Has come" is always decided by the database's clock ({@code now()}), never the JVM's, so that
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

    /** HQL condition: the article aliased {@code alias} may be read by an anonymous caller right now. */
    public static String publicArticle(String alias) {
        return "(" + alias + ".status = 'published' or (" + alias + ".status = 'scheduled' and "
                + alias + ".publishedAt <= function('now')))";
    }

    /** The same condition in SQL over the articles table aliased {@code alias}. */
    public static String publicArticleSql(String alias) {
        return "(" + alias + ".status = 'published' or (" + alias + ".status = 'scheduled' and "
                + alias + ".published_at <= now()))";
    }

    /** Whether the current caller sees every article (drafts, archived, future-scheduled). */
    public boolean seesAll() {
        return caller.isEditor();
    }

    /** HQL condition over {@code alias}: the articles the current caller may see. */
    public String articles(String alias) {
        return seesAll() ? "true" : publicArticle(alias);
    }

    /** A name for what {@link #articles(String)} admits, for binding list cursors to it. */
    public String scope() {
        return seesAll() ? "all" : "visible";
    }

    /** Whether an anonymous caller may read the article with this id now (by the database's clock). */
    public boolean isPublic(UUID id) {
        return !em.createNativeQuery("select 1 from articles a where a.id = cast(:id as uuid) and " + publicArticleSql("a"))
                .setParameter("id", id.toString()).getResultList().isEmpty();
    }

    /** The article by id or slug when the caller may see it; otherwise 404, exactly as if it did not exist. */
    public Article article(String idOrSlug) {
        return lookup.byIdOrSlug(Article.class, idOrSlug).filter(a -> seesAll() || isPublic(a.id))
                .orElseThrow(() -> new ApiException.NotFound("No article '" + idOrSlug + "'."));
    }

    /** Those of {@code ids} (nulls allowed) that name an article the caller may see: one query at most. */
    public Set<UUID> visibleArticleIds(Collection<UUID> ids) {
        Set<UUID> wanted = new HashSet<>();
        ids.stream().filter(Objects::nonNull).forEach(wanted::add);
        if (wanted.isEmpty() || seesAll()) {
            return wanted;
        }
        return new HashSet<>(em.createQuery("select e.id from Article e where e.id in :ids and " + publicArticle("e"), UUID.class)
                .setParameter("ids", wanted).getResultList());
    }
}
