package news.masthead.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.images.Image;
import news.masthead.images.ImageJson;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.FieldError;
import news.masthead.kernel.http.Fieldset;
import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.paging.Filter;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Listing;
import news.masthead.kernel.paging.PageRequest;
import news.masthead.kernel.paging.SortSpec;
import news.masthead.kernel.paging.SortSpec.SortField;
import news.masthead.kernel.paging.SortSpec.ValueType;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.sql.RecordService;
import news.masthead.kernel.text.SlugAllocator;
import news.masthead.kernel.time.AppClock;
import news.masthead.people.Person;
import news.masthead.places.Place;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ArticleService extends RecordService<Article, ArticleInput, ArticleView> {

    static final Map<String, SortField> SORTS = Map.of(
            "publishedAt", new SortField("e.published_at", true, ValueType.INSTANT),
            "updatedAt", new SortField("e.updated_at", false, ValueType.INSTANT),
            "headline", new SortField("e.headline", false, ValueType.TEXT));
    static final String DEFAULT_SORT = "-publishedAt";
    /** Ranked search sorts the first matches in this order (an index walk), see {@link SortSpec#candidates()}. */
    static final String RANKED = "e.published_at desc nulls last, e.id desc";

    static final Set<String> INCLUDES = Set.of("people", "places", "quotes", "images");
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    Visibility visibility;

    @Inject
    Lookup lookup;

    @Inject
    Listing listing;

    @Inject
    SlugAllocator slugs;

    @Inject
    ArticleJson json;

    @Inject
    ReadCache cache;

    @Inject
    ArticleCounts counts;

    @Inject
    SearchWords searchWords;

    @Inject
    Event<ArticleDeleting> deleting;

    public ArticleService() {
        super(Article::new, ArticleInput.class);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by statements in autocommit
    public JsonPage list(ArticleListParams params) {
        return cache.getByStatements(
                cache.key("articles|" + visibility.scope(), params),
                p -> listKeys(p, params),
                (page, keys) -> {
                    Set<String> moves = page.changesWith(); // movesWith(params), as criteria gave its filter
                    Set<String> depends =
                            moves == null ? keys : Filter.instead(keys, "articles", below(moves, page.floor()));
                    // A filter by person or place follows the slug it names and the place tree, not every edit.
                    depends = Filter.instead(depends, "people", Set.of(ReadCache.listed("people")));
                    return Filter.instead(depends, "places", Set.of(ReadCache.listed("places")));
                },
                page -> page.body().bytes(),
                () -> page(params));
    }

    /**
     * What moves articles into, out of or within the list, when narrower than every article change: for a list in
     * publication order, the changes that move articles in such lists (V20), not edits of their text; for a search in
     * relevance or publication order, those and the changes of its words' entries ({@link SearchWords}). Else null.
     */
    private Set<String> movesWith(ArticleListParams params) {
        SortField order = sort(params).field();
        if (params.q == null) {
            return order == SORTS.get("publishedAt") ? Set.of(ReadCache.ARTICLES_LISTED) : null;
        }
        return order == SORTS.get("publishedAt") || order == SortSpec.RELEVANCE
                ? searchWords.dependencies(Params.query(params.q))
                : null;
    }

    /**
     * A ranked page whose walk stopped at an article published at {@code floor} cannot change by an edit of the words
     * of an older one: its word dependencies are narrowed to the changes of articles published since.
     */
    private static Set<String> below(Set<String> moves, Long floor) {
        if (floor == null) {
            return moves;
        }
        Set<String> narrowed = new LinkedHashSet<>();
        for (String key : moves) {
            narrowed.add(key.equals(ReadCache.ARTICLES_LISTED) ? key : ReadCache.publishedFrom(key, floor));
        }
        return narrowed;
    }

    /** Ranked by relevance for {@code q} without a sort, else the sort asked for (400 for an unknown one). */
    private static SortSpec sort(ArticleListParams params) {
        return params.q != null && (params.sort == null || params.sort.isBlank())
                ? SortSpec.relevance(RANKED, "published_at")
                : SortSpec.parse(params.sort, SORTS, DEFAULT_SORT);
    }

    private JsonPage page(ArticleListParams params) {
        Set<String> include = Params.subset("include", params.include, INCLUDES);
        Criteria criteria = criteria(params);
        PageRequest request = params.page();
        Listing.Counted counted = request.withTotal() && criteria.counted() != null
                ? counts.total(criteria.counted(), criteria.status(), !visibility.seesAll())
                : null;
        Set<String> fields = Fieldset.namesOf(params.fields);
        JsonPage page =
                json.page(criteria.filter(), sort(params), request, counted, include, visibility.seesAll(), fields);
        return fields == null ? page : page.sparse();
    }

    /** The article as the caller may see it, as JSON with the arrays {@code include} names; 404 when it may not. */
    @Transactional(Transactional.TxType.SUPPORTS) // served from ReadCache, computed by one statement in autocommit
    public ArticleJson.Rendered json(String idOrSlug, String include) {
        Set<String> includes = Params.subset("include", include, INCLUDES);
        return cache.getByStatements(
                "article|" + visibility.scope() + "|" + includes + "|" + idOrSlug,
                ArticleService::keys,
                a -> a.body().bytes(),
                () -> json.one(idOrSlug, includes, visibility.seesAll())
                        .orElseThrow(() -> new ApiException.NotFound("No article '" + idOrSlug + "'.")));
    }

    /** What a page shows; a filter by person or place also depends on those records (a slug, the place tree). */
    private static Set<String> listKeys(JsonPage page, ArticleListParams params) {
        Set<String> keys = SurrogateKeys.list("articles", page.body());
        if (Params.present(params.person)) {
            keys.add("people");
        }
        if (Params.present(params.place)) {
            keys.add("places");
        }
        return keys;
    }

    /**
     * What an article's copy shows; one that hides a related block (its article not visible) depends on whichever
     * article becomes visible, which its body no longer names.
     */
    private static Set<String> keys(ArticleJson.Rendered a) {
        Set<String> keys = a.body().surrogateKeys("article");
        if (!a.etag().contains("-r")) {
            return keys;
        }
        Set<String> more = new LinkedHashSet<>(keys);
        more.add("articles");
        return more;
    }

    /** The article as the caller may see it. */
    @Override
    public ArticleView get(String idOrSlug) {
        Article a = find(idOrSlug);
        return view(a, hiddenRelated(List.of(a)));
    }

    /**
     * The WHERE clause of a list, the status it asks for, and how {@link ArticleCounts} can count it
     * (null: it cannot, with search, dates or more than one of tag, section, person and place).
     */
    private record Criteria(Filter filter, ArticleStatus status, ArticleCounts.Key counted) {}

    private Criteria criteria(ArticleListParams p) {
        Filter f = new Filter();
        List<ArticleCounts.Key> keys = new ArrayList<>();
        if (!visibility.seesAll()) {
            f.and(Visibility.publicArticleSql("e"), "visible");
        }
        ArticleStatus status = null;
        if (Params.present(p.status)) {
            status = Params.oneOf("status", p.status, ArticleStatus.class);
            f.and("e.status = :status", "status=" + p.status, "status", status.name());
        }
        if (Params.present(p.tag)) {
            String tag = Params.text("tag", p.tag, 100).toLowerCase(Locale.ROOT);
            if (Params.present(p.place)) { // a list reads one index by date: the place's
                f.and("e.tags @> array[cast(:tag as text)]", "tag=" + tag, "tag", tag);
            } else {
                f.from(Article.TAGGED_SQL, "tag=" + tag, "tag", tag);
            }
            keys.add(new ArticleCounts.Key("tag", tag));
        }
        if (Params.present(p.section)) {
            String section = Params.text("section", p.section, 100);
            f.and("e.section = :section", "section=" + p.section, "section", section);
            keys.add(new ArticleCounts.Key("section", section));
        }
        if (Params.present(p.person)) { // resolved by the page's own statement, as is a place
            Lookup.reference(Person.class, Params.idOrSlug("person", p.person))
                    .ifPresentOrElse(
                            person -> {
                                String id = person.idSql("person");
                                String key = "person=" + person.key();
                                if (Params.present(p.tag) || Params.present(p.place)) { // one index by date: theirs
                                    f.and(Article.namesPerson(id), key, "person", person.value());
                                } else {
                                    f.from(Article.naming(id), key, "person", person.value());
                                }
                                keys.add(new ArticleCounts.Key("person", person));
                            },
                            f::matchNothing);
        }
        if (Params.present(p.place)) {
            Lookup.reference(Place.class, Params.idOrSlug("place", p.place))
                    .ifPresentOrElse(
                            place -> {
                                f.from(
                                        Article.inPlace(place.idSql("place")),
                                        "place=" + place.key(),
                                        "place",
                                        place.value());
                                keys.add(new ArticleCounts.Key("place", place));
                            },
                            f::matchNothing);
        }
        boolean countable = keys.size() <= 1;
        if (Params.present(p.publishedAfter)) {
            Instant after = Params.instant("publishedAfter", p.publishedAfter);
            f.and("e.published_at > :after", "after=" + after, "after", after);
            countable = false;
        }
        if (Params.present(p.publishedBefore)) {
            Instant before = Params.instant("publishedBefore", p.publishedBefore);
            f.and("e.published_at < :before", "before=" + before, "before", before);
            countable = false;
        }
        if (p.q != null) {
            String q = Params.query(p.q);
            f.search(q);
            countable = false;
        }
        Set<String> moves = movesWith(p);
        if (moves != null) {
            f.changesWith(moves);
        }
        return new Criteria(f, status, !countable ? null : keys.isEmpty() ? ArticleCounts.Key.ALL : keys.get(0));
    }

    /** Plain views of these articles (the caller has already been allowed to see them). */
    public List<ArticleView> viewsById(List<UUID> ids) {
        List<Article> list = listing.load(Article.class, ids, a -> a.id);
        Set<UUID> hidden = hiddenRelated(list);
        return list.stream().map(a -> view(a, hidden)).toList();
    }

    /** Its quotes stay, unlinked (see quotes). */
    @Override
    protected void beforeDelete(Article a) {
        deleting.fire(new ArticleDeleting(a.id));
    }

    /** The article by id or slug, or 404, also for one the caller may not see. */
    @Override
    protected Article find(String idOrSlug) {
        return visibility.article(idOrSlug);
    }

    @Override
    protected void apply(Article a, ArticleInput in) {
        checkReferences(in, a.body == null ? List.of() : readBody(a.body));
        a.slug = slugs.allocate("Article", in.slug(), in.headline(), "article", a.id, a.slug);
        a.headline = in.headline();
        a.standfirst = in.standfirst();
        List<Block> body = in.body() == null ? List.of() : in.body();
        if (a.body == null || !readBody(a.body).equals(body)) {
            a.body = writeBody(body);
        }
        a.source = in.source();
        a.byline = in.byline();
        a.section = in.section();
        a.tags = normalizeTags(in.tags());
        a.language = in.language() == null ? Languages.DEFAULT : in.language();
        boolean wasPublished = a.status == ArticleStatus.published;
        a.status = in.status() == null ? ArticleStatus.draft : in.status();
        // Publishing without a time means "now"; an already published article keeps its time (a draft's or a
        // scheduled article's old time does not count: it may lie in the future).
        Instant publishedAt = AppClock.stored(in.publishedAt());
        if (publishedAt == null && a.status == ArticleStatus.published) {
            publishedAt = wasPublished && a.publishedAt != null ? a.publishedAt : clock.now();
        }
        a.publishedAt = publishedAt;
        a.commentsOpen = in.commentsOpen() == null || in.commentsOpen();
        replaceAll(a.personIds, distinct(in.personIds()));
        replaceAll(a.placeIds, distinct(in.placeIds()));
        a.leadImageId = in.leadImage() == null ? null : in.leadImage().imageId();
        a.leadImageCaption = in.leadImage() == null ? null : in.leadImage().caption();
    }

    /**
     * Linked people and places must exist, and so must quotes and articles that body blocks newly
     * point at; a block kept from the stored body may point at something deleted since (it renders as
     * missing), so that a later edit of the article still succeeds.
     */
    private void checkReferences(ArticleInput in, List<Block> stored) {
        lookup.requireAll(Person.class, "personIds", nonNull(in.personIds()), "person");
        lookup.requireAll(Place.class, "placeIds", nonNull(in.placeIds()), "place");
        List<Block> body = in.body() == null ? List.of() : in.body();
        List<UUID> quoteIds = body.stream()
                .filter(b -> b.quoteId() != null)
                .map(Block::quoteId)
                .toList();
        List<UUID> articleIds = body.stream()
                .filter(b -> b.articleId() != null)
                .map(Block::articleId)
                .toList();
        Set<UUID> quotes = new HashSet<>(lookup.existing("Quote", quoteIds));
        Set<UUID> articles = new HashSet<>(lookup.existing(Article.class, articleIds));
        stored.forEach(b -> {
            if (b.quoteId() != null) {
                quotes.add(b.quoteId());
            }
            if (b.articleId() != null) {
                articles.add(b.articleId());
            }
        });
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Block b = body.get(i);
            if (b.quoteId() != null && !quotes.contains(b.quoteId())) {
                errors.add(new FieldError("body[" + i + "].quoteId", "no quote with id " + b.quoteId()));
            }
            if (b.articleId() != null && !articles.contains(b.articleId())) {
                errors.add(new FieldError("body[" + i + "].articleId", "no article with id " + b.articleId()));
            }
        }
        // Images: the lead image and image blocks must exist (an image in use cannot be deleted, so kept ones do).
        List<UUID> imageIds = new ArrayList<>(
                body.stream().map(Block::imageId).filter(Objects::nonNull).toList());
        if (in.leadImage() != null) {
            imageIds.add(in.leadImage().imageId());
        }
        Set<UUID> images = lookup.existing(Image.class, imageIds);
        if (in.leadImage() != null && !images.contains(in.leadImage().imageId())) {
            errors.add(new FieldError(
                    "leadImage.imageId", "no image with id " + in.leadImage().imageId()));
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).imageId() != null && !images.contains(body.get(i).imageId())) {
                errors.add(new FieldError(
                        "body[" + i + "].imageId",
                        "no image with id " + body.get(i).imageId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidRequest(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    /** The lead image as read: one query, on writes only (reads render it in SQL, see ArticleJson). */
    private LeadImageView leadImage(Article a) {
        if (a.leadImageId == null) {
            return null;
        }
        Image i = em.find(Image.class, a.leadImageId);
        return i == null
                ? null
                : new LeadImageView(
                        i.id,
                        a.leadImageCaption != null ? a.leadImageCaption : i.caption,
                        ImageJson.url(i.id, i.version),
                        i.width,
                        i.height,
                        i.alt);
    }

    @Override
    protected ArticleInput input(Article a) {
        return new ArticleInput(
                a.slug,
                a.headline,
                a.standfirst,
                readBody(a.body),
                a.source,
                a.byline,
                a.section,
                List.copyOf(a.tags),
                a.language,
                a.status,
                a.publishedAt,
                a.commentsOpen,
                List.copyOf(a.personIds),
                List.copyOf(a.placeIds),
                a.leadImageId == null ? null : new ArticleInput.LeadImage(a.leadImageId, a.leadImageCaption));
    }

    /** Related articles named in these bodies that the caller may not see: one query for a page, none for editors. */
    private Set<UUID> hiddenRelated(List<Article> articles) {
        if (visibility.seesAll()) {
            return Set.of();
        }
        Set<UUID> related = new HashSet<>();
        articles.stream()
                .filter(a -> a.body != null && a.body.contains("\"articleId\""))
                .flatMap(a -> readBody(a.body).stream())
                .map(Block::articleId)
                .filter(Objects::nonNull)
                .forEach(related::add);
        related.removeAll(visibility.visibleArticleIds(related));
        return related;
    }

    @Override
    protected ArticleView show(Article a) {
        return view(a, Set.of());
    }

    /** The view, without related blocks that point at an article in {@code hidden} (a draft must not leak). */
    private ArticleView view(Article a, Set<UUID> hidden) {
        List<Block> body = readBody(a.body);
        if (!hidden.isEmpty()) {
            body = body.stream()
                    .filter(b -> b.articleId() == null || !hidden.contains(b.articleId()))
                    .toList();
        }
        return new ArticleView(
                a.id,
                a.slug,
                a.headline,
                a.standfirst,
                body,
                a.source,
                a.byline,
                a.section,
                List.copyOf(a.tags),
                a.language,
                a.status,
                a.publishedAt,
                a.commentsOpen,
                List.copyOf(a.personIds),
                List.copyOf(a.placeIds),
                leadImage(a),
                a.createdAt,
                a.updatedAt,
                a.version,
                null,
                null,
                null,
                null);
    }

    private static List<String> normalizeTags(List<String> tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String t : nonNull(tags)) {
            out.add(t.trim().toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(out);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static List<UUID> distinct(List<UUID> ids) {
        return new ArrayList<>(new LinkedHashSet<>(nonNull(ids)));
    }

    /** Changes the managed list in place so Hibernate sees a change only when there is one. */
    private static <T> void replaceAll(List<T> target, List<T> values) {
        if (!target.equals(values)) {
            target.clear();
            target.addAll(values);
        }
    }

    private String writeBody(List<Block> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Block> readBody(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, BLOCKS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
