package news.masthead.kernel.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read results (rendered pages, list totals) kept in memory while they are provably current, so that
 * any number of instances may share one database without telling each other anything.
 * <p>
 * Every write to a tracked table (articles, people, places, quotes, comments) commits a change-feed
 * entry in the same transaction, and the committed seqs form a prefix in commit order (see V3). So
 * the largest seq of the collections a value is computed from is a version of that data, the same
 * for every instance. The only other thing that changes what a reader sees is time: a scheduled
 * article becomes visible when its publishedAt comes. An entry remembers the {@link DataVersion}
 * read before it was computed; it is served only while the version is unchanged and that moment has
 * not come. A read served from here costs a share of one index probe instead of the query, and no
 * transaction.
 */
@ApplicationScoped
public class ReadCache {

    private record Entry(Object value, long version, long validBeforeMicros, long bytes) {}

    @Inject
    DataVersion dataVersion;

    @Inject
    ObjectMapper mapper;

    @Inject
    CmsConfig config;

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentHashMap<String, Object> computing = new ConcurrentHashMap<>();
    /** The state a computation on this thread started from: what it asks for inside (a page's total) is checked against that. */
    private final ThreadLocal<DataVersion.State> computingFrom = new ThreadLocal<>();

    private long bytes;
    private final LongAdder uncachedInTransaction = new LongAdder();

    /**
     * The value for {@code key}: cached while current, else computed in a transaction and kept.
     * {@code key} must name everything the value depends on besides the data and the time.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String key, DataVersion.Source source, ToLongFunction<V> size, Supplier<V> compute) {
        if (config.readCache().maxBytes() <= 0) {
            return inTransaction(compute);
        }
        DataVersion.State outer = computingFrom.get();
        if (outer == null && QuarkusTransaction.isActive()) {
            // The transaction may hold a pooled connection: waiting for the version here is how 64 readers once
            // stalled the instance. Such a caller should be @VersionedRead; until it is, it gets a fresh value, and
            // the count below (asserted zero by the load test) names the omission.
            uncachedInTransaction.increment();
            return compute.get();
        }
        DataVersion.State state = outer != null ? outer : dataVersion.read();
        long version = state.version(source);
        Entry e = current(key, version, state.nowMicros());
        if (e != null) {
            return (V) e.value;
        }
        // One computation per key at a time: requests arriving meanwhile wait for it instead of running
        // the same expensive query side by side (64 of them at once would empty the connection pool).
        // A lock per key, not per stripe: a page computation takes its total's lock inside its own, and two
        // keys sharing a stripe could then wait for each other.
        Object lock = computing.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                e = current(key, version, state.nowMicros());
                if (e != null) {
                    return (V) e.value;
                }
                computingFrom.set(state);
                V value;
                try {
                    value = inTransaction(
                            compute); // after reading the version: a write in between only makes the entry older
                } finally {
                    if (outer == null) {
                        computingFrom.remove();
                    }
                }
                long weight = size.applyAsLong(value) + 2L * key.length() + 96;
                if (weight <= config.readCache().maxBytes() / 8) {
                    put(key, new Entry(value, version, state.nextDueMicros(), weight));
                }
                return value;
            }
        } finally {
            computing.remove(key, lock);
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
        if (config.readCache().maxBytes() <= 0 || computingFrom.get() != null || QuarkusTransaction.isActive()) {
            return work.call();
        }
        computingFrom.set(dataVersion.read());
        try {
            return work.call();
        } finally {
            computingFrom.remove();
        }
    }

    /** An entry computed from this version or a later one, while no scheduled article has come due since. */
    private synchronized Entry current(String key, long version, long nowMicros) {
        Entry e = entries.get(key);
        return e != null && e.version >= version && nowMicros < e.validBeforeMicros ? e : null;
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

    /** Keeps {@code e} unless a later version is kept already, then drops the least recently used beyond the budget. */
    private synchronized void put(String key, Entry e) {
        Entry old = entries.get(key);
        if (old != null && old.version > e.version) {
            return;
        }
        entries.put(key, e);
        bytes += e.bytes - (old == null ? 0 : old.bytes);
        long maxBytes = config.readCache().maxBytes();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
                bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().getValue().bytes;
            it.remove();
        }
    }
}
