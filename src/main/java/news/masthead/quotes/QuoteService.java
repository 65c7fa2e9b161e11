package news.masthead.quotes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.articles.Article;
import news.masthead.articles.ArticleDeleting;
import news.masthead.articles.Visibility;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.http.ETag;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.Reads;
import news.masthead.kernel.sql.RecordService;
import news.masthead.kernel.time.AppClock;
import news.masthead.people.Person;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class QuoteService extends RecordService<Quote, QuoteInput, QuoteView> {

    static final Map<String, SortField> SORTS = Map.of(
            "saidAt", new SortField("e.said_at", true, ValueType.INSTANT),
            "createdAt", new SortField("e.created_at", false, ValueType.INSTANT));
    /** Ranked search sorts the first matches in this order (an index walk), see {@link SortSpec#candidates()}. */
    static final String RANKED = "e.said_at desc nulls last, e.id desc";

    static final Set<String> INCLUDES = Set.of("speaker", "article");

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
    Reads reads;

    @Inject
    ReadCache cache;

    public QuoteService() {
        super(Quote::new, QuoteInput.class);
    }

    /**
     * A page rendered by PostgreSQL from the stored JSON of each quote (V15), kept in ReadCache while current (see
     * {@link #moves}).
     */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage list(QuoteListParams params) {
        return listing.cached("quotes", "quotes|" + visibility.scope(), params, () -> page(params));
    }

    /**
     * What can change which quotes a list shows, and in what order: their speakers, articles and times (V28), or for a
     * search any change of a quote (its text); the articles' moves, since a quote linked to a hidden article shows no
     * articleId (which the article's publication changes, or its coming due) and an article filter names one by slug;
     * and a speaker filter's slug.
     */
    private static Set<String> moves(QuoteListParams params) {
        Set<String> moves = new LinkedHashSet<>();
        moves.add(params.q == null ? ReadCache.listed("quotes") : "quotes");
        moves.add(ReadCache.ARTICLES_LISTED);
        if (Params.present(params.speaker)) {
            moves.add(ReadCache.listed("people"));
        }
        return moves;
    }

    private JsonPage page(QuoteListParams params) {
        Set<String> include = Params.subset("include", params.include, INCLUDES);
        Filter filter = new Filter().changesWith(moves(params));
        SortSpec sort = SortSpec.parse(params.sort, SORTS, "-saidAt");
        if (Params.present(params.speaker)) {
            lookup.resolveId(Person.class, Params.idOrSlug("speaker", params.speaker))
                    .ifPresentOrElse(
                            id -> filter.and("e.speaker_id = :speaker", "speaker=" + id, "speaker", id),
                            filter::matchNothing);
        }
        if (Params.present(params.article)) {
            // A quote's link to an article the caller may not see is hidden, so filtering by it finds nothing.
            lookup.resolveId(Article.class, Params.idOrSlug("article", params.article))
                    .filter(id -> visibleArticles(Set.of(id)).contains(id))
                    .ifPresentOrElse(
                            id -> filter.and("e.article_id = :article", "article=" + id, "article", id),
                            filter::matchNothing);
        }
        if (params.q != null) {
            String q = Params.query(params.q);
            filter.search(q);
            if (params.sort == null || params.sort.isBlank()) {
                sort = SortSpec.relevance(RANKED);
            }
        }
        return listing.jsonPage(
                "quotes", "q", QuoteJson.columns(include, visibility.seesAll()), filter, sort, params.page(), null);
    }

    /**
     * The quote with the records {@code include} names, rendered by PostgreSQL as a listed one is (one statement) and
     * kept in ReadCache while current, per kind of caller: it depends on the records it embeds and, as a list does, on
     * the articles' moves.
     */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by one statement in autocommit
    public JsonText withIncludes(String id, String include) {
        Set<String> wanted = new TreeSet<>(Params.subset("include", include, INCLUDES));
        UUID uuid = Lookup.asId(id).orElseThrow(() -> notFound(id));
        return cache.getByStatements(
                "quote|" + visibility.scope() + "|" + wanted + "|" + uuid,
                json -> SurrogateKeys.of(json.bytes(), "quote"),
                (json, keys) -> {
                    Set<String> depends = new LinkedHashSet<>(keys);
                    depends.add(ReadCache.ARTICLES_LISTED);
                    return depends;
                },
                JsonText::bytes,
                () -> reads
                        .list(
                                "select " + String.join(" || ", QuoteJson.columns(wanted, visibility.seesAll()))
                                        + " from quotes q where q.id = :id",
                                Map.of("id", uuid),
                                rs -> new JsonText(rs.getBytes(1)))
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> notFound(id)));
    }

    private static ApiException notFound(String id) {
        return new ApiException.NotFound("No quote '" + id + "'.");
    }

    /**
     * A quote as the caller sees it.
     *
     * @param articleHidden its article is hidden from this caller (which an article coming due changes)
     */
    public record Shown(QuoteView view, boolean articleHidden) {

        /** A copy that hides the article is tagged apart from the one that shows it. */
        public String etag() {
            return articleHidden ? ETag.version(view.version(), "h") : ETag.version(view.version());
        }
    }

    /**
     * The quote without includes, served from ReadCache while current. Its articleId is hidden while the article is: a
     * write that shows or hides the article gives the quote a new version (V11), but a scheduled article that comes due
     * writes nothing, so the tag of a copy that hides the article is marked apart from the one that shows it, and that
     * copy depends on the articles' moves (which make it follow articles coming due too), not on their text.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Shown shown(String id) {
        return cache.record(
                "quote",
                visibility.scope() + "|" + id,
                () -> {
                    Quote q = find(id);
                    QuoteView v = show(q);
                    return new Shown(v, q.articleId != null && v.articleId() == null);
                },
                Shown::view,
                s -> s.articleHidden() ? Set.of(ReadCache.ARTICLES_LISTED) : Set.of());
    }

    /**
     * An article's deletion leaves its quotes, unlinked. Losing the link is a change to each quote, so its
     * version and updatedAt move too (else its ETag would still match a copy that names the article).
     */
    void unlink(@Observes ArticleDeleting deleting) {
        em.createQuery("update Quote q set q.articleId = null, q.version = q.version + 1, q.updatedAt = :now"
                        + " where q.articleId = :id")
                .setParameter("now", clock.now())
                .setParameter("id", deleting.id())
                .executeUpdate();
    }

    /** The quote without includes. */
    @Override
    protected QuoteView show(Quote q) {
        return view(
                q, q.articleId != null && visibleArticles(Set.of(q.articleId)).contains(q.articleId));
    }

    @Override
    protected Quote find(String id) {
        return lookup.byId(Quote.class, id, "quote");
    }

    @Override
    protected void apply(Quote q, QuoteInput in) {
        lookup.requireOne(Person.class, "speakerId", in.speakerId(), "person");
        lookup.requireOne(Article.class, "articleId", in.articleId(), "article");
        q.text = in.text();
        q.speakerId = in.speakerId();
        q.articleId = in.articleId();
        q.context = in.context();
        q.channel = in.channel();
        q.saidAt = AppClock.stored(in.saidAt());
        q.language = in.language();
    }

    /** The ones among these article ids that the caller may see: one query for a whole page. */
    private Set<UUID> visibleArticles(Set<UUID> ids) {
        return visibility.visibleArticleIds(ids);
    }

    @Override
    protected QuoteInput input(Quote q) {
        return new QuoteInput(q.text, q.speakerId, q.articleId, q.context, q.channel, q.saidAt, q.language);
    }

    /** The quote as a caller sees it; {@code articleVisible} says whether its article may be shown. */
    public static QuoteView view(Quote q, boolean articleVisible) {
        UUID articleId = articleVisible ? q.articleId : null;
        return new QuoteView(
                q.id,
                q.text,
                q.speakerId,
                articleId,
                q.context,
                q.channel,
                q.saidAt,
                q.language,
                q.createdAt,
                q.updatedAt,
                q.version,
                null,
                null);
    }
}
