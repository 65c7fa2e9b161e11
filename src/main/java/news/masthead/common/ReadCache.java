package news.masthead.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Read results (rendered pages, list totals) kept in memory while they are provably current, so that
 * any number of instances may share one database without telling each other anything.
 * <p>
 * Every write to a tracked table (articles, people, places, quotes, comments) commits a change-feed
 * entry in the same transaction, and the committed seqs form a prefix in commit order (see V3). So
 * the largest seq is a version of all that data, the same for every instance. The only other thing
 * that changes what a reader sees is time: a scheduled article becomes visible when its publishedAt
 * comes. An entry remembers the version read before it was computed and the next such moment; it is
 * served only while the version is unchanged and that moment has not come. Checking costs one index
 * probe per request instead of the query itself.
 */
@ApplicationScoped
public class ReadCache {

    /** A timestamptz as microseconds since the epoch, compared in Java. */
    private static final String MICROS = "(extract(epoch from %s) * 1000000)::bigint";

    private record Entry(Object value, long version, long validBeforeMicros, long bytes) {
    }

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "cms.read-cache.max-bytes", defaultValue = "33554432")
    long maxBytes;

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentHashMap<String, Object> computing = new ConcurrentHashMap<>();
    private long bytes;

    /**
     * The value for {@code key}: cached while current, else computed (in the caller's transaction) and
     * kept. {@code key} must name everything the value depends on besides the data and the time.
     */
    @SuppressWarnings("unchecked")
    public <V> V get(String key, ToLongFunction<V> size, Supplier<V> compute) {
        if (maxBytes <= 0) {
            return compute.get();
        }
        Object[] state = (Object[]) em.createNativeQuery(
                "select coalesce((select max(seq) from changes), 0), " + MICROS.formatted("now()")).getSingleResult();
        long version = ((Number) state[0]).longValue();
        long now = ((Number) state[1]).longValue();
        Entry e = current(key, version, now);
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
                e = current(key, version, now);
                if (e != null) {
                    return (V) e.value;
                }
                V value = compute.get(); // computed after reading the version: a write in between only makes the entry older
                long weight = size.applyAsLong(value) + 2L * key.length() + 96;
                if (weight <= maxBytes / 8) {
                    put(key, new Entry(value, version, nextDue(), weight));
                }
                return value;
            }
        } finally {
            computing.remove(key, lock);
        }
    }

    private synchronized Entry current(String key, long version, long now) {
        Entry e = entries.get(key);
        return e != null && e.version == version && now < e.validBeforeMicros ? e : null;
    }

    /** A key from a kind of result and the request parameters that shape it (their public fields, as JSON). */
    public String key(String kind, Object params) {
        try {
            return kind + "|" + mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void put(String key, Entry e) {
        Entry old = entries.put(key, e);
        bytes += e.bytes - (old == null ? 0 : old.bytes);
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().getValue().bytes;
            it.remove();
        }
    }

    /** When the next scheduled article comes due, or never. */
    private long nextDue() {
        return ((Number) em.createNativeQuery("select coalesce(" + MICROS.formatted("min(published_at)") + ", " + Long.MAX_VALUE
                + ") from articles where status = 'scheduled' and published_at > now()").getSingleResult()).longValue();
    }
}
