package news.masthead.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.articles.Article;
import news.masthead.articles.Visibility;
import news.masthead.common.Clock;
import news.masthead.common.Listing;
import news.masthead.common.Lookup;
import news.masthead.common.Patching;
import news.masthead.common.SortSpec;
import news.masthead.common.SortSpec.SortField;
import news.masthead.common.SortSpec.ValueType;
import news.masthead.common.Validation;
import news.masthead.people.Person;
import news.masthead.web.ApiException;
import news.masthead.web.Page;
import news.masthead.web.PageRequest;
import org.hibernate.Session;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

@ApplicationScoped
@Transactional
public class QuoteService {

    static final Map<String, SortField> SORTS = Map.of(
            "saidAt", new SortField("saidAt", true, ValueType.INSTANT),
            "createdAt", new SortField("createdAt", false, ValueType.INSTANT));

    @Inject
    EntityManager em;
    @Inject
    Visibility visibility;
    @Inject
    Lookup lookup;
    @Inject
    Listing listing;
    @Inject
    Validation validation;
    @Inject
    Patching patching;

    public Page<QuoteView> list(String sort, PageRequest page) {
        Page<Quote> quotes = listing.page(Quote.class, "true", Map.of(), SortSpec.parse(sort, SORTS, "-saidAt"), page, "");
        Set<UUID> visible = visibleArticles(quotes.items());
        return quotes.map(q -> view(q, visible));
    }

    public QuoteView get(String id) {
        Quote q = find(id);
        return view(q, visibleArticles(List.of(q)));
    }

    public QuoteView create(QuoteInput input) {
        validation.valid(input);
        Quote q = new Quote();
        q.id = UUID.randomUUID();
        q.createdAt = Clock.now();
        q.updatedAt = q.createdAt;
        q.version = 1;
        apply(q, input);
        q.persist();
        em.flush();
        return view(q, visibleArticles(List.of(q)));
    }

    public QuoteView replace(String id, QuoteInput input, IntConsumer precondition) {
        validation.valid(input);
        Quote q = find(id);
        precondition.accept(q.version);
        apply(q, input);
        return saved(q);
    }

    public QuoteView patch(String id, JsonNode patch, IntConsumer precondition) {
        Quote q = find(id);
        precondition.accept(q.version);
        apply(q, patching.merge(input(q), patch, QuoteInput.class));
        return saved(q);
    }

    public void delete(String id, IntConsumer precondition) {
        Quote q = find(id);
        precondition.accept(q.version);
        q.delete();
        em.flush();
    }

    Quote find(String id) {
        return Lookup.asId(id).map(uuid -> em.find(Quote.class, uuid))
                .orElseThrow(() -> new ApiException.NotFound("No quote '" + id + "'."));
    }

    private QuoteView saved(Quote q) {
        if (em.unwrap(Session.class).isDirty()) {
            q.updatedAt = Clock.now();
        }
        em.flush();
        return view(q, visibleArticles(List.of(q)));
    }

    private void apply(Quote q, QuoteInput in) {
        lookup.requireOne(Person.class, "speakerId", in.speakerId(), "person");
        lookup.requireOne(Article.class, "articleId", in.articleId(), "article");
        q.text = in.text();
        q.speakerId = in.speakerId();
        q.articleId = in.articleId();
        q.context = in.context();
        q.channel = in.channel();
        q.saidAt = Clock.stored(in.saidAt());
        q.language = in.language();
    }

    /** The article ids among these quotes that the caller may see: one query for a whole page. */
    private Set<UUID> visibleArticles(List<Quote> quotes) {
        return visibility.visibleArticleIds(quotes.stream().map(q -> q.articleId).toList());
    }

    static QuoteInput input(Quote q) {
        return new QuoteInput(q.text, q.speakerId, q.articleId, q.context, q.channel, q.saidAt, q.language);
    }

    private static QuoteView view(Quote q, Set<UUID> visibleArticles) {
        UUID articleId = q.articleId != null && visibleArticles.contains(q.articleId) ? q.articleId : null;
        return new QuoteView(q.id, q.text, q.speakerId, articleId, q.context, q.channel, q.saidAt, q.language,
                q.createdAt, q.updatedAt, q.version);
    }
}
