package news.masthead.comments;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.articles.Article;
import news.masthead.articles.Visibility;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.cache.VersionedRead;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.query.ListParams;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Form;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Writes;
import news.masthead.kernel.time.AppClock;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class CommentService {

    static final Map<String, SortField> SORTS = Map.of(
            "createdAt", new SortField("e.created_at", false, ValueType.INSTANT),
            "updatedAt", new SortField("e.updated_at", false, ValueType.INSTANT));
    static final String DEFAULT_SORT = "createdAt";
    private static final int MAX_THREAD_DEPTH = 1_000;
    /** Advisory lock class of "posting a comment on an article" (the second key is the article). */
    private static final int PENDING_LOCK = 0x4d48_4350;

    private static final long PENDING_RETRY_SECONDS = 60;

    @Inject
    CmsConfig config;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    Visibility visibility;

    @Inject
    Lookup lookup;

    @Inject
    Listing listing;

    @Inject
    Writes writes;

    @Inject
    ReadCache cache;

    /**
     * An article's approved comments, oldest first, rendered by PostgreSQL and kept in ReadCache while current; 404
     * when the caller may not see the article.
     */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage approved(String articleIdOrSlug, ListParams params) {
        UUID article = visibleArticle(articleIdOrSlug);
        return listing.cached("comments", "comments|approved|" + article, params, () -> {
            Filter filter = new Filter()
                    .changesWith(Set.of(ReadCache.commentsOf(article), ReadCache.listed("comments")))
                    .and(
                            "e.article_id = :article and e.status = 'approved'",
                            "article=" + article + "|approved",
                            "article",
                            article);
            SortSpec sort = SortSpec.parse(params.sort, SORTS, DEFAULT_SORT);
            return listing.jsonPage("comments", "c", List.of(CommentJson.PUBLIC), filter, sort, params.page(), null);
        });
    }

    /**
     * The id of the article a path names, from ReadCache while current: an edit of the article, or a change of any
     * article's visibility (or one coming due), looks it up again.
     */
    private UUID visibleArticle(String idOrSlug) {
        return cache.getByStatements(
                "commented|" + visibility.scope() + "|" + idOrSlug,
                id -> Set.of("article:" + id),
                (id, keys) -> Set.of("article:" + id, ReadCache.ARTICLES_LISTED),
                id -> null,
                () -> visibility.articleId(idOrSlug));
    }

    /**
     * A reader's comment on an article the caller may see. It always starts pending, whatever status
     * was sent; 403 when the article's comments are closed.
     */
    public PublicCommentView post(String articleIdOrSlug, CommentInput input) {
        return publicView(writes.create(
                input,
                () -> {
                    Article a = visibility.article(articleIdOrSlug);
                    if (!a.commentsOpen) {
                        throw new ApiException.Forbidden("Comments are closed on this article.");
                    }
                    capPending(a.id);
                    Comment c = new Comment();
                    c.articleId = a.id;
                    return c;
                },
                (c, in) -> {
                    apply(c, in);
                    c.status = CommentStatus.pending;
                }));
    }

    /**
     * At most {@code cms.comments.max-pending-per-article} comments of one article wait for moderation, so a flood
     * from many addresses cannot bury the queue: beyond that, 429 until moderators catch up. Posts to one article
     * take turns (a transaction-scoped advisory lock), so concurrent posts cannot overshoot the cap.
     */
    private void capPending(UUID articleId) {
        em.createNativeQuery(
                        "select 1 from pg_advisory_xact_lock(" + PENDING_LOCK + ", hashtext(cast(:article as text)))")
                .setParameter("article", articleId)
                .getSingleResult();
        Number pending = (Number) em.createNativeQuery(
                        "select count(*) from (select 1 from comments where article_id = :article and status = 'pending' limit :cap) p")
                .setParameter("article", articleId)
                .setParameter("cap", config.comments().maxPendingPerArticle())
                .getSingleResult();
        int maxPending = config.comments().maxPendingPerArticle();
        if (pending.intValue() >= maxPending) {
            throw new ApiException.TooManyRequests(
                    "This article has " + maxPending + " comments awaiting moderation; retry in "
                            + PENDING_RETRY_SECONDS + " s.",
                    PENDING_RETRY_SECONDS);
        }
    }

    /** The moderation list: filters by article (id or slug) and status; an unknown article gives an empty list. */
    @VersionedRead // its total comes from ReadCache
    public Page<CommentView> list(String article, String status, String sort, PageRequest page) {
        SortSpec spec = SortSpec.parse(sort, SORTS, DEFAULT_SORT);
        Filter filter = new Filter();
        if (article != null) {
            lookup.resolveId(Article.class, Params.idOrSlug("article", article))
                    .ifPresentOrElse(
                            id -> filter.and("e.article_id = :article", "article=" + id, "article", id),
                            filter::matchNothing);
        }
        if (status != null) {
            CommentStatus s = Params.oneOf("status", status, CommentStatus.class);
            filter.and("e.status = :status", "status=" + s, "status", s.name());
        }
        return listing.page(Comment.class, "comments", c -> c.id, filter, spec, page)
                .map(CommentService::view);
    }

    public CommentView get(String id) {
        return view(find(id));
    }

    /**
     * The comment as the caller may see it: editors every comment (e-mail included), anyone else an approved comment on
     * an article they may see, without its e-mail; empty otherwise.
     */
    public Optional<Object> shown(UUID id) {
        Comment c = em.find(Comment.class, id);
        if (c == null) {
            return Optional.empty();
        }
        if (visibility.seesAll()) {
            return Optional.of(view(c));
        }
        return c.status == CommentStatus.approved && visibility.isPublic(c.articleId)
                ? Optional.of(publicView(c))
                : Optional.empty();
    }

    /** Moderation: a merge patch of the writable fields, typically {"status": "approved"}. */
    public CommentView patch(String id, JsonNode patch, IfMatch ifMatch) {
        return view(writes.patch(
                find(id), ifMatch, patch, new Form<>(CommentInput.class, CommentService::input, this::moderate)));
    }

    /** Deletes the comment; its replies stay, as top-level comments. */
    public void delete(String id, IfMatch ifMatch) {
        writes.delete(
                find(id),
                ifMatch,
                c -> em.createQuery(
                                "update Comment r set r.parentId = null, r.updatedAt = :now, r.version = r.version + 1 where r.parentId = :id")
                        .setParameter("now", clock.now())
                        .setParameter("id", c.id)
                        .executeUpdate());
    }

    private Comment find(String id) {
        return lookup.byId(Comment.class, id, "comment");
    }

    private void moderate(Comment c, CommentInput in) {
        if (in.status() == null) {
            throw ApiException.InvalidRequest.field("status", "must not be null");
        }
        apply(c, in);
        c.status = in.status();
    }

    private void apply(Comment c, CommentInput in) {
        checkParent(c, in.parentId());
        c.parentId = in.parentId();
        c.authorName = in.authorName();
        c.authorEmail = in.authorEmail();
        c.body = in.body();
    }

    /**
     * A reply's parent must be a comment of the same article (for anyone but editors, an approved
     * one: the others do not exist for them), and must not make the thread a cycle.
     */
    private void checkParent(Comment c, UUID parentId) {
        if (parentId == null || parentId.equals(c.parentId)) {
            return;
        }
        Comment parent = em.find(Comment.class, parentId);
        if (parent == null
                || !parent.articleId.equals(c.articleId)
                || (!visibility.seesAll() && parent.status != CommentStatus.approved)) {
            throw ApiException.InvalidRequest.field("parentId", "no comment with id " + parentId + " on this article");
        }
        Comment p = parent;
        for (int depth = 0; p != null && depth < MAX_THREAD_DEPTH; depth++) {
            if (p.id.equals(c.id)) {
                throw ApiException.InvalidRequest.field("parentId", "would make the comment a reply to itself");
            }
            p = p.parentId == null ? null : em.find(Comment.class, p.parentId);
        }
    }

    private static CommentInput input(Comment c) {
        return new CommentInput(c.parentId, c.authorName, c.authorEmail, c.body, c.status);
    }

    static CommentView view(Comment c) {
        return new CommentView(
                c.id,
                c.articleId,
                c.parentId,
                c.authorName,
                c.authorEmail,
                c.body,
                c.status,
                c.createdAt,
                c.updatedAt,
                c.version);
    }

    static PublicCommentView publicView(Comment c) {
        return new PublicCommentView(
                c.id, c.articleId, c.parentId, c.authorName, c.body, c.status, c.createdAt, c.updatedAt, c.version);
    }
}
