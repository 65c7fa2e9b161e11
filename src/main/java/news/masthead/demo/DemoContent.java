package news.masthead.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.articles.ArticleInput;
import news.masthead.articles.ArticleService;
import news.masthead.articles.Block;
import news.masthead.images.ImageInput;
import news.masthead.images.ImageService;
import news.masthead.kernel.http.IfMatch;
import news.masthead.kernel.time.AppClock;
import news.masthead.people.PersonInput;
import news.masthead.people.PersonService;
import news.masthead.places.PlaceInput;
import news.masthead.places.PlaceService;
import news.masthead.quotes.QuoteInput;
import news.masthead.quotes.QuoteService;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads the demo content of {@code src/main/resources/demo/} through the ordinary services, in one
 * transaction. Several instances starting together on one empty database load it once: each takes
 * the same PostgreSQL transaction-level advisory lock, and checks for emptiness only once it holds it.
 */
@ApplicationScoped
public class DemoContent {

    /** Key of the advisory lock: "MHDEMO01" in ASCII, unlikely to clash with anyone else's. */
    static final long LOCK_KEY = 0x4D4844454D4F3031L;
    /** Credit and copyright of the pictures the loader draws. */
    static final String CREDIT = "Masthead demo";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    PersonService people;

    @Inject
    PlaceService places;

    @Inject
    QuoteService quotes;

    @Inject
    ArticleService articles;

    @Inject
    ImageService images;

    @Inject
    AppClock clock;

    /** What one load created, by the keys of the demo files. */
    /** {@code images}: by the key of the article or person that uses the picture. */
    public record Loaded(
            Map<String, UUID> people,
            Map<String, UUID> places,
            Map<String, UUID> articles,
            Map<String, UUID> quotes,
            Map<String, UUID> images) {

        static final Loaded NOTHING = new Loaded(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public boolean isEmpty() {
            return people.isEmpty() && places.isEmpty() && articles.isEmpty() && quotes.isEmpty() && images.isEmpty();
        }

        @Override
        public String toString() {
            return people.size() + " people, " + places.size() + " places, " + articles.size() + " articles, "
                    + quotes.size() + " quotes and " + images.size() + " images";
        }
    }

    /**
     * Loads the demo content when the database holds no articles, people or places; otherwise
     * loads nothing and returns {@link Loaded#NOTHING}.
     */
    @Transactional
    @ActivateRequestContext
    public Loaded loadIfEmpty() {
        lock();
        return isEmpty() ? load(DemoData.read(mapper)) : Loaded.NOTHING;
    }

    /**
     * Loads the demo content whatever the database holds (derived slugs get numeric suffixes when
     * taken). For tests, which share one database with others.
     */
    @Transactional
    @ActivateRequestContext
    public Loaded loadUnconditionally() {
        lock();
        return load(DemoData.read(mapper));
    }

    /**
     * Waits until no other transaction holds the lock; released at commit or rollback. Polled with short statements:
     * a blocking wait would be one statement, which the request statement timeout ends while another instance loads.
     */
    private void lock() {
        while (!Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", LOCK_KEY)
                .getSingleResult())) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for another instance's demo load", e);
            }
        }
    }

    private boolean isEmpty() {
        Object any = em.createNativeQuery("select exists (select 1 from articles) or exists (select 1 from people)"
                        + " or exists (select 1 from places)")
                .getSingleResult();
        return !Boolean.TRUE.equals(any);
    }

    /**
     * People, then places (parents first), then quotes without their article, then articles (whose
     * bodies point at the quotes), then each quote's article. The quotes are linked last because
     * ArticleService, acting for the anonymous startup caller, cannot find a draft or a future
     * scheduled article again to change it.
     */
    private Loaded load(DemoData data) {
        Instant now = clock.now().truncatedTo(ChronoUnit.MINUTES);
        Map<String, UUID> imageIds = new LinkedHashMap<>();
        Map<String, UUID> personIds = new LinkedHashMap<>();
        for (DemoData.PersonData p : data.people()) {
            UUID portrait =
                    p.image() == null ? null : picture(imageIds, p.key(), DemoPictures.portrait(p.key()), p.image());
            put(
                    personIds,
                    p.key(),
                    people.create(new PersonInput(
                                    null, p.name(), p.aliases(), p.role(), p.affiliation(), p.description(), portrait))
                            .id());
        }
        Map<String, UUID> placeIds = new LinkedHashMap<>();
        for (DemoData.PlaceData p : data.places()) {
            UUID parent = p.parent() == null ? null : ref(placeIds, p.parent(), "place");
            put(
                    placeIds,
                    p.key(),
                    places.create(new PlaceInput(
                                    null,
                                    p.name(),
                                    p.aliases(),
                                    p.kind(),
                                    parent,
                                    p.latitude(),
                                    p.longitude(),
                                    p.population(),
                                    p.countryCode()))
                            .id());
        }
        Map<String, UUID> quoteIds = new LinkedHashMap<>();
        for (DemoData.QuoteData q : data.quotes()) {
            put(
                    quoteIds,
                    q.key(),
                    quotes.create(quoteInput(q, ref(personIds, q.speaker(), "person"), null, now))
                            .id());
        }
        Map<String, UUID> articleIds = new LinkedHashMap<>();
        for (DemoData.ArticleData a : data.articles()) {
            List<Block> body = new ArrayList<>();
            for (DemoData.BlockData b : a.body()) {
                body.add(b.toBlock(k -> ref(quoteIds, k, "quote"), k -> ref(articleIds, k, "earlier article")));
            }
            ArticleInput.LeadImage lead = a.image() == null
                    ? null
                    : new ArticleInput.LeadImage(
                            picture(imageIds, a.key(), DemoPictures.landscape(a.key()), a.image()), null);
            put(
                    articleIds,
                    a.key(),
                    articles.create(new ArticleInput(
                                    null,
                                    a.headline(),
                                    a.standfirst(),
                                    body,
                                    a.source(),
                                    a.byline(),
                                    a.section(),
                                    a.tags(),
                                    null,
                                    a.status(),
                                    DemoData.time(a.publishedAt(), now),
                                    a.commentsOpen(),
                                    refs(personIds, a.people(), "person"),
                                    refs(placeIds, a.places(), "place"),
                                    lead))
                            .id());
        }
        for (DemoData.QuoteData q : data.quotes()) {
            if (q.article() != null) {
                quotes.replace(
                        quoteIds.get(q.key()).toString(),
                        quoteInput(q, personIds.get(q.speaker()), ref(articleIds, q.article(), "article"), now),
                        IfMatch.NONE);
            }
        }
        return new Loaded(
                Map.copyOf(personIds),
                Map.copyOf(placeIds),
                Map.copyOf(articleIds),
                Map.copyOf(quoteIds),
                Map.copyOf(imageIds));
    }

    /** Stores a drawn picture with its alt text and caption, credited to "Masthead demo". */
    private UUID picture(Map<String, UUID> ids, String key, byte[] jpeg, DemoData.ImageData about) {
        ImageInput in = new ImageInput(about.alt(), about.caption(), CREDIT, CREDIT, null, null, null, null, null);
        UUID id = images.create(jpeg, "image/jpeg", key + ".jpg", in).id();
        put(ids, key, id);
        return id;
    }

    private static QuoteInput quoteInput(DemoData.QuoteData q, UUID speaker, UUID article, Instant now) {
        return new QuoteInput(
                q.text(), speaker, article, q.context(), q.channel(), DemoData.time(q.saidAt(), now), q.language());
    }

    private static void put(Map<String, UUID> ids, String key, UUID id) {
        if (ids.put(key, id) != null) {
            throw new IllegalStateException("Demo content: duplicate key '" + key + "'");
        }
    }

    private static UUID ref(Map<String, UUID> ids, String key, String what) {
        UUID id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("Demo content: no " + what + " with key '" + key + "'");
        }
        return id;
    }

    private static List<UUID> refs(Map<String, UUID> ids, List<String> keys, String what) {
        return keys == null ? null : keys.stream().map(k -> ref(ids, k, what)).toList();
    }
}
