package news.masthead.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.common.Clock;
import news.masthead.common.Listing;
import news.masthead.common.Lookup;
import news.masthead.common.Patching;
import news.masthead.common.SlugAllocator;
import news.masthead.common.SortSpec;
import news.masthead.common.SortSpec.SortField;
import news.masthead.common.SortSpec.ValueType;
import news.masthead.common.Validation;
import news.masthead.people.Person;
import news.masthead.places.Place;
import news.masthead.quotes.Quote;
import news.masthead.web.ApiException;
import news.masthead.web.FieldError;
import news.masthead.web.Page;
import news.masthead.web.PageRequest;
import org.hibernate.Session;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

@ApplicationScoped
@Transactional
public class ArticleService {

    static final Map<String, SortField> SORTS = Map.of(
            "publishedAt", new SortField("publishedAt", true, ValueType.INSTANT),
            "updatedAt", new SortField("updatedAt", false, ValueType.INSTANT),
            "headline", new SortField("headline", false, ValueType.TEXT));
    static final String DEFAULT_SORT = "-publishedAt";
    private static final TypeReference<List<Block>> BLOCKS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
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
    Validation validation;
    @Inject
    Patching patching;

    /** @deprecated the rule lives in {@link Visibility}; kept so existing callers still compile. */
    @Deprecated
    public static final String VISIBLE = Visibility.publicArticle("e");

    /** @deprecated use {@link Visibility#isPublic(Article, Instant)}. */
    @Deprecated
    public static boolean isVisible(Article a, Instant now) {
        return Visibility.isPublic(a, now);
    }

    public Page<ArticleView> list(String sort, PageRequest page) {
        SortSpec spec = SortSpec.parse(sort, SORTS, DEFAULT_SORT);
        return listing.page(Article.class, visibility.articles("e"), Map.of(), spec, page, visibility.scope())
                .map(this::view);
    }

    public ArticleView get(String idOrSlug) {
        return view(find(idOrSlug));
    }

    public ArticleView create(ArticleInput input) {
        validation.valid(input);
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.createdAt = Clock.now();
        a.updatedAt = a.createdAt;
        a.version = 1;
        apply(a, input);
        a.persist();
        em.flush();
        return view(a);
    }

    public ArticleView replace(String idOrSlug, ArticleInput input, IntConsumer precondition) {
        validation.valid(input);
        Article a = find(idOrSlug);
        precondition.accept(a.version);
        apply(a, input);
        return saved(a);
    }

    public ArticleView patch(String idOrSlug, JsonNode patch, IntConsumer precondition) {
        Article a = find(idOrSlug);
        precondition.accept(a.version);
        apply(a, patching.merge(input(a), patch, ArticleInput.class));
        return saved(a);
    }

    public void delete(String idOrSlug, IntConsumer precondition) {
        Article a = find(idOrSlug);
        precondition.accept(a.version);
        // Links go with the article; its quotes stay, unlinked (the foreign key sets their article_id null).
        a.delete();
        em.flush();
    }

    /** The article by id or slug, or 404, also for one the caller may not see. */
    Article find(String idOrSlug) {
        return visibility.article(idOrSlug);
    }

    /** Bumps updatedAt (and so, with Hibernate's @Version, the version) only when something changed. */
    private ArticleView saved(Article a) {
        if (em.unwrap(Session.class).isDirty()) {
            a.updatedAt = Clock.now();
        }
        em.flush();
        return view(a);
    }

    private void apply(Article a, ArticleInput in) {
        checkReferences(in);
        a.slug = slugs.allocate("Article", in.slug(), in.headline(), "article", a.id);
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
        a.status = in.status() == null ? ArticleStatus.draft : in.status();
        // Publishing without a time means "now"; an already published article keeps its time.
        Instant publishedAt = Clock.stored(in.publishedAt());
        if (publishedAt == null && a.status == ArticleStatus.published) {
            publishedAt = a.publishedAt != null ? a.publishedAt : Clock.now();
        }
        a.publishedAt = publishedAt;
        a.commentsOpen = in.commentsOpen() == null || in.commentsOpen();
        replaceAll(a.personIds, distinct(in.personIds()));
        replaceAll(a.placeIds, distinct(in.placeIds()));
    }

    private void checkReferences(ArticleInput in) {
        lookup.requireAll(Person.class, "personIds", nonNull(in.personIds()), "person");
        lookup.requireAll(Place.class, "placeIds", nonNull(in.placeIds()), "place");
        List<Block> body = in.body() == null ? List.of() : in.body();
        List<UUID> quoteIds = body.stream().filter(b -> b.quoteId() != null).map(Block::quoteId).toList();
        List<UUID> articleIds = body.stream().filter(b -> b.articleId() != null).map(Block::articleId).toList();
        var quotes = lookup.existing(Quote.class, quoteIds);
        var articles = lookup.existing(Article.class, articleIds);
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
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidRequest(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    ArticleInput input(Article a) {
        return new ArticleInput(a.slug, a.headline, a.standfirst, readBody(a.body), a.source, a.byline, a.section,
                List.copyOf(a.tags), a.language, a.status, a.publishedAt, a.commentsOpen,
                List.copyOf(a.personIds), List.copyOf(a.placeIds));
    }

    ArticleView view(Article a) {
        return new ArticleView(a.id, a.slug, a.headline, a.standfirst, readBody(a.body), a.source, a.byline, a.section,
                List.copyOf(a.tags), a.language, a.status, a.publishedAt, a.commentsOpen,
                List.copyOf(a.personIds), List.copyOf(a.placeIds), a.createdAt, a.updatedAt, a.version);
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
