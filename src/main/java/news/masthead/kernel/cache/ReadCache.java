package news.masthead.kernel.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.http.ResponseKeys;
import news.masthead.kernel.http.SurrogateKeys;

import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read results (rendered pages, list totals) kept in memory while they are provably current, so that
 * any number of instances may share one database without telling each other anything.
 * <p>
 * Every write to a tracked table commits a change-feed entry in the same transaction, and the committed seqs form a
 * prefix in commit order (see V3). An entry remembers the seq {@link DataVersion} read before it was computed and the
 * surrogate keys of the records it was computed from (those its {@code Surrogate-Key} header names: the records it
 * embeds and, for a list, its collection). It is served while no change after that seq touched one of those keys
 * ({@link ChangedKeys} follows the feed) and, if it shows articles, no scheduled article has come due since. So an
 * edit refreshes the pages that show the edited record and leaves the others in place, on every instance; a list that
 * only a record's move can change depends on its collection's {@link #listed} key instead of its collection. A read
 * served from here costs a share of one index probe instead of the query, and no transaction.
 */
@ApplicationScoped
public class ReadCache {

    /**
     * What a value was computed from: served while no change after {@code seq} touched {@code keys} and, if
     * {@code timed} (an article coming due may change it), while the database's clock is before
     * {@code validBeforeMicros}.
     */
    public record Basis(long seq, List<String> keys, boolean timed, long validBeforeMicros) {

        /** What a value put together from both was computed from: current while both are. */
        public Basis and(Basis other) {
            Set<String> both = new LinkedHashSet<>(keys);
            both.addAll(other.keys);
            return new Basis(
                    Math.min(seq, other.seq),
                    List.copyOf(both),
                    timed || other.timed,
                    Math.min(validBeforeMicros, other.validBeforeMicros));
        }
    }

    /**
     * A kept value. A value's body (the bytes an answer sends as they are) and a kept answer sending the same array are
     * weighed once: by the value while it is kept ({@code source}), by the answer once the value has gone
     * ({@link #alone}). Caffeine fixes a weight when an entry is put, so going alone is a put of a heavier copy.
     */
    public static final class Entry {
        private final String key;
        private final Object value;
        private final Basis basis;
        /**
         * What its {@code Surrogate-Key} names, in header order (mostly what its basis depends on). Kept, as its basis's
         * keys, in an array list: as hash sets, 3,500 entries held 163,000 map entries for the collector to trace.
         */
        private final List<String> shown;

        private final int bytes;
        /** The array of bytes it holds that an answer may send as it is, or null. */
        private final byte[] body;
        /** For an answer: the kept value whose weight counts {@code body}, or null (the answer counts it). */
        private final Entry source;
        /** For a value: the kept answers that share its body, created when the first one is kept. */
        private volatile Set<Entry> sharers;

        private Entry(
                String key, Object value, Basis basis, List<String> shown, long bytes, byte[] body, Entry source) {
            this.key = key;
            this.value = value;
            this.basis = basis;
            this.shown = shown;
            this.bytes = (int) Math.min(Integer.MAX_VALUE, bytes);
            this.body = body;
            this.source = source;
        }

        /** This answer weighing its body itself: its source has left the cache. */
        private Entry alone() {
            return new Entry(key, value, basis, shown, (long) bytes + body.length, body, null);
        }

        private synchronized Set<Entry> sharers() {
            if (sharers == null) {
                sharers = ConcurrentHashMap.newKeySet();
            }
            return sharers;
        }
    }

    /**
     * A dependency that no header names: changed by a change of a record of {@code collection} that can move it into,
     * out of or within the collection's lists, or rename the slug a filter names it by (V20, V28: articles, people,
     * places and quotes), not by an edit of what only its own pages show. Such lists depend on it instead of on the
     * collection, so they outlive those edits; the collection stays in their {@code Surrogate-Key}s. For comments, whose
     * pages follow their article's ({@link #commentsOf}), it is changed by a comment whose article is not known.
     */
    public static String listed(String collection) {
        return collection + ".listed";
    }

    /**
     * {@link #listed} for articles: changed by an article change that can move the article in the lists ordered by
     * publication time, or change its visibility, not by an edit of its text. Such a list, an image's record and a quote
     * whose article is hidden depend on it instead of on {@code articles}, so they outlive edits of articles' words.
     */
    public static final String ARTICLES_LISTED = listed("articles");

    /**
     * A dependency that no header names: changed by a change of a comment on the article whose id is {@code article}
     * (V29). An article's comment pages depend on it and on {@code listed("comments")} (a comment whose article is not
     * known) instead of on every comment's change.
     */
    public static String commentsOf(Object article) {
        return "comments.of:" + article;
    }

    /** A dependency that no header names: changed by any change of an article's words (V27). */
    public static final String ARTICLES_TEXT = "articles.text";

    /**
     * Words are kept in this many buckets of dependencies: memory stays bounded however many words edits change, at
     * the price of a word sharing its bucket's changes.
     */
    private static final int WORD_BUCKETS = 4096;

    /**
     * A dependency that no header names: changed by a change of an article's entries for {@code lexeme} (or for a
     * lexeme sharing its bucket) in its search vector (V27). A search for one word, or words joined by OR, depends on
     * those of its words and on {@link #ARTICLES_LISTED}, so it outlives edits of other words.
     */
    public static String articleWord(String lexeme) {
        return "articles.word#" + Math.floorMod(lexeme.hashCode(), WORD_BUCKETS);
    }

    /**
     * {@code text} ({@link #ARTICLES_TEXT} or an {@link #articleWord}) narrowed to the changes of articles published at
     * or after {@code floorMicros} (microseconds since the epoch; an article without a publication time counts as
     * after): what a ranked walk that stopped at an article published then depends on (see
     * {@link news.masthead.kernel.paging.JsonPage#floor}). Changes that move articles are {@link #ARTICLES_LISTED}'s.
     */
    public static String publishedFrom(String text, long floorMicros) {
        return text + FROM + floorMicros;
    }

    /** Separates a key from its floor in {@link #publishedFrom}. */
    static final char FROM = '@';

    /** What a record's DTO takes in memory, roughly: a few hundred bytes of text in objects. */
    private static final long RECORD_BYTES = 2048;

    @Inject
    DataVersion dataVersion;

    @Inject
    ObjectMapper mapper;

    @Inject
    CmsConfig config;

    @Inject
    MeterRegistry registry;

    private Cache<String, Entry> entries;
    /** Values that left the cache while answers shared their bodies (see {@link Entry}). */
    private final Queue<Entry> gone = new ConcurrentLinkedQueue<>();

    private final ConcurrentHashMap<String, Object> computing = new ConcurrentHashMap<>();
    /** The state a computation on this thread started from: what it asks for inside (a page's total) is checked against that. */
    private final ThreadLocal<DataVersion.State> computingFrom = new ThreadLocal<>();
    /** The keys of the values a computation on this thread used (a page's total): the entry depends on them too. */
    private static final ThreadLocal<Set<String>> collecting = new ThreadLocal<>();

    private final LongAdder uncachedInTransaction = new LongAdder();
    private Counter hits;
    private Counter misses;
    private Counter evictions;

    @PostConstruct
    void init() {
        dataVersion = ClientProxy.unwrap(dataVersion); // lives as long as the application: a hit skips its proxy
        long max = Math.max(1, config.readCache().maxBytes());
        entries = Caffeine.newBuilder()
                .maximumWeight(max)
                .weigher((String key, Entry e) -> e.bytes)
                .removalListener((String key, Entry e, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        evictions.increment();
                    }
                    if (e.source != null && e.source.sharers != null) {
                        e.source.sharers.remove(e);
                    }
                    if (e.sharers != null && !e.sharers.isEmpty()) {
                        gone.add(e); // its sharers take on its body's weight at the next settle(), outside Caffeine
                    }
                })
                .executor(Runnable::run) // maintenance on the writing thread: no pool needed, weights exact at once
                .build();
        hits = Counter.builder("masthead.read.cache.hits")
                .description("Reads served from the read cache")
                .register(registry);
        misses = Counter.builder("masthead.read.cache.misses")
                .description("Reads computed (absent or no longer current), kept if small enough")
                .register(registry);
        evictions = Counter.builder("masthead.read.cache.evictions")
                .description("Entries dropped to stay within cms.read-cache.max-bytes")
                .register(registry);
        Gauge.builder("masthead.read.cache.bytes", this, ReadCache::bytes)
                .description("Estimated memory held by the read cache")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("masthead.read.cache.entries", this, c -> c.entries.estimatedSize())
                .description("Entries in the read cache")
                .register(registry);
    }

    /**
     * The value for {@code key}: cached while current, else computed in a transaction and kept.
     * {@code key} must name everything the value depends on besides the data and the time; {@code keys} gives the
     * surrogate keys of the records a value was computed from (see {@link news.masthead.kernel.http.SurrogateKeys});
     * {@code body} the bytes it holds, which an answer may send as they are (its weight; null for a small value).
     */
    public <V> V get(String key, Function<V, Collection<String>> keys, Function<V, byte[]> body, Supplier<V> compute) {
        return get(key, keys, (v, shown) -> shown, body, 0, compute, true);
    }

    /**
     * As {@link #get}, for a value computed by statements that each stand alone ({@link news.masthead.kernel.sql.Reads}):
     * it is computed outside any transaction, so each statement is one round trip in autocommit.
     */
    public <V> V getByStatements(
            String key, Function<V, Collection<String>> keys, Function<V, byte[]> body, Supplier<V> compute) {
        return get(key, keys, (v, shown) -> shown, body, 0, compute, false);
    }

    /**
     * As {@link #getByStatements(String, Function, Function, Supplier)}, for a value that depends on other keys than
     * its header names: {@code depends} maps the value and those keys to what it depends on.
     */
    public <V> V getByStatements(
            String key,
            Function<V, Collection<String>> keys,
            BiFunction<V, Set<String>, Set<String>> depends,
            Function<V, byte[]> body,
            Supplier<V> compute) {
        return get(key, keys, depends, body, 0, compute, false);
    }

    @SuppressWarnings("unchecked")
    private <V> V get(
            String key,
            Function<V, Collection<String>> keys,
            BiFunction<V, Set<String>, Set<String>> depends,
            Function<V, byte[]> body,
            long objectBytes,
            Supplier<V> compute,
            boolean transaction) {
        if (!on()) {
            return used(transaction ? inTransaction(compute) : compute.get(), keys);
        }
        DataVersion.State outer = computingFrom.get();
        if (outer == null && QuarkusTransaction.isActive()) {
            // The transaction may hold a pooled connection: waiting for the version here is how 64 readers once
            // stalled the instance. Such a caller should be @VersionedRead; until it is, it gets a fresh value, and
            // the count below (asserted zero by the load test) names the omission.
            uncachedInTransaction.increment();
            return used(compute.get(), keys);
        }
        DataVersion.State state = outer != null ? outer : dataVersion.read();
        Entry e = current(key, state);
        if (e != null) {
            hits.increment();
            return (V) used(e);
        }
        // One computation per key at a time: requests arriving meanwhile wait for it instead of running
        // the same expensive query side by side (64 of them at once would empty the connection pool).
        // A lock per key, not per stripe: a page computation takes its total's lock inside its own, and two
        // keys sharing a stripe could then wait for each other.
        Object lock = computing.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                e = current(key, state);
                if (e != null) {
                    hits.increment();
                    return (V) used(e);
                }
                misses.increment();
                Set<String> inner = new LinkedHashSet<>();
                Set<String> enclosing = collecting.get();
                computingFrom.set(state);
                collecting.set(inner);
                V value;
                try {
                    // After reading the version: a write in between only makes the entry older.
                    value = transaction ? inTransaction(compute) : compute.get();
                } finally {
                    collecting.set(enclosing);
                    if (outer == null) {
                        computingFrom.remove();
                    }
                }
                Set<String> shownSet = new LinkedHashSet<>(keys.apply(value));
                shownSet.addAll(inner);
                Set<String> view = Collections.unmodifiableSet(shownSet);
                Set<String> deps = depends.apply(value, view);
                List<String> shown = List.copyOf(shownSet);
                boolean timed = shown.stream().anyMatch(ReadCache::showsArticles)
                        || deps.stream().anyMatch(ReadCache::showsArticles);
                byte[] bytes = body.apply(value);
                Entry made = new Entry(
                        key,
                        value,
                        new Basis(state.seq(), deps == view ? shown : List.copyOf(deps), timed, state.nextDueMicros()),
                        shown,
                        (bytes != null ? bytes.length : 0) + objectBytes + 2L * key.length() + 96 + 48L * deps.size(),
                        bytes,
                        null);
                if (made.bytes <= config.readCache().maxBytes() / 8) {
                    put(made);
                }
                return (V) used(made);
            }
        } finally {
            computing.remove(key, lock);
        }
    }

    private double bytes() {
        var eviction = entries.policy().eviction();
        return eviction.isPresent() ? eviction.get().weightedSize().orElse(0) : 0;
    }

    /**
     * A record's single GET ({@code kind}: "person"), kept while current. Its keys come from its JSON. Inside a
     * transaction (a webhook or change-feed reader) it is computed: those readers want it as of their transaction.
     */
    public <V> V record(String kind, String idOrSlug, Supplier<V> compute) {
        return record(kind, idOrSlug, compute, v -> v, v -> Set.of());
    }

    /**
     * As {@link #record(String, String, Supplier)} for a value holding the record's DTO ({@code view}) that also depends
     * on the keys {@code more} names (not named in its header); {@code key} names the kind of caller too when the copy
     * depends on it.
     */
    public <V> V record(
            String kind, String key, Supplier<V> compute, Function<V, ?> view, Function<V, Collection<String>> more) {
        if (QuarkusTransaction.isActive()) {
            return used(compute.get(), v -> Set.of());
        }
        return get(
                kind + "|" + key,
                v -> SurrogateKeys.of(json(view.apply(v)), kind),
                (v, shown) -> {
                    Set<String> deps = new LinkedHashSet<>(shown);
                    deps.addAll(more.apply(v));
                    return deps;
                },
                v -> null,
                RECORD_BYTES,
                compute,
                true);
    }

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean showsArticles(String key) {
        return key.equals("articles") || key.startsWith("articles.") || key.startsWith("article:");
    }

    /** Whether this thread is computing a value to keep: a statement it runs is part of that value's basis. */
    public static boolean computing() {
        return collecting.get() != null;
    }

    /** Hands the keys of a value computed at no known state to the computation using it, or else to the response. */
    private <V> V used(V value, Function<V, Collection<String>> keys) {
        note(keys.apply(value), null, null);
        return value;
    }

    private Object used(Entry e) {
        note(e.shown, e.basis, e);
        return e.value;
    }

    /**
     * An enclosing computation depends on the keys (its own basis covers the rest); a response also on the basis, and
     * may send the entry's body.
     */
    private void note(Collection<String> keys, Basis basis, Entry entry) {
        Set<String> enclosing = collecting.get();
        if (enclosing != null) {
            enclosing.addAll(keys);
        } else {
            ResponseKeys.add(keys, basis, entry);
        }
    }

    /** Lookups made inside a transaction that had no version read before it (so computed, not cached): a missing @VersionedRead. */
    public long uncachedInTransaction() {
        return uncachedInTransaction.sum();
    }

    /**
     * Runs {@code work} with the data version read first, before it takes any connection, so that the lookups it makes
     * inside its transaction check against that version instead of waiting for a read while holding a connection.
     * Called inside a transaction already, it cannot know that it holds none, and reads nothing.
     */
    public <V> V pinned(Callable<V> work) throws Exception {
        if (!on() || computingFrom.get() != null || QuarkusTransaction.isActive()) {
            return work.call();
        }
        computingFrom.set(dataVersion.read());
        try {
            return work.call();
        } finally {
            computingFrom.remove();
        }
    }

    /** The entry if no change after it touched what it shows, and (if it shows articles) no scheduled one has come due. */
    private Entry current(String key, DataVersion.State state) {
        Entry e = entries.getIfPresent(key);
        return e != null && current(e.basis, state) ? e : null;
    }

    private boolean current(Basis b, DataVersion.State state) {
        return (!b.timed || state.nowMicros() < b.validBeforeMicros) && dataVersion.current(b.seq, b.keys);
    }

    /** Whether the cache keeps anything ({@code cms.read-cache.max-bytes} above 0). */
    public boolean on() {
        return config.readCache().maxBytes() > 0;
    }

    /** Whether something is kept under {@code key}, current or not: whether reading the version for it may pay. */
    public boolean holds(String key) {
        return entries.getIfPresent(key) != null;
    }

    /** The value kept under {@code key} if it is current at {@code state} (a hit), else null; computes nothing. */
    public Object ifCurrent(String key, DataVersion.State state) {
        Entry e = current(key, state);
        if (e == null) {
            return null;
        }
        hits.increment();
        return e.value;
    }

    /**
     * Keeps a value put together from values this cache served (a request's whole answer), as {@link #get} keeps its
     * own: {@code bytes} besides {@code body}, which it sends as it is. If one of the entries the answer was made from
     * ({@code sources}, from {@link #used}) holds the same array and is still kept, that entry's weight counts it.
     */
    public void keep(String key, Object value, Basis basis, long bytes, byte[] body, List<Entry> sources) {
        long weight = bytes
                + body.length
                + 2L * key.length()
                + 96
                + 48L * basis.keys().size();
        if (weight > config.readCache().maxBytes() / 8) {
            return;
        }
        Entry source = null;
        for (Entry e : sources) {
            if (body.length > 0 && e.body == body) {
                source = e;
            }
        }
        if (source == null) {
            put(new Entry(key, value, basis, List.of(), weight, body, null));
            return;
        }
        Entry made = new Entry(key, value, basis, List.of(), weight - body.length, body, source);
        source.sharers().add(made); // before the put: a removal of the source from now on finds it
        put(made);
        if (entries.asMap().get(key) != made) {
            source.sharers.remove(made); // an answer from a later state was kept, or it has gone already
        } else if (entries.asMap().get(source.key) != source) {
            alone(made); // the source left before it could find the answer
        }
    }

    /** Keeps {@code made} unless a value computed from a later state is kept already. */
    private void put(Entry made) {
        entries.asMap().merge(made.key, made, (old, mine) -> old.basis.seq > mine.basis.seq ? old : mine);
        settle();
    }

    /** The answers whose source left the cache weigh their bodies themselves. */
    private void settle() {
        for (Entry source; (source = gone.poll()) != null; ) {
            source.sharers.forEach(this::alone);
        }
    }

    private void alone(Entry answer) {
        entries.asMap().computeIfPresent(answer.key, (k, kept) -> kept == answer ? answer.alone() : kept);
    }

    private static <V> V inTransaction(Supplier<V> compute) {
        return QuarkusTransaction.joiningExisting().call(compute::get);
    }

    /** A key from a kind of result and the request parameters that shape it (their public fields, as JSON). */
    public String key(String kind, Object params) {
        try {
            return kind + "|" + mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
