package news.masthead.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Cached list totals. An exact count is a scan of every matching row (tens of milliseconds at a
 * million articles), while a page is an index walk of a few rows; so a total is kept until the data
 * could have changed. Every write to a tracked table commits a change-feed entry in the same
 * transaction, and those entries' seqs form a gap-free prefix in commit order (see V3), so the
 * largest seq is a version of all tracked data that every instance reads alike; time also changes
 * what anonymous callers count, when a scheduled article comes due. A cached total is used only while
 * both the data version and the next due time say nothing has changed: one index probe per request.
 */
@ApplicationScoped
public class Totals {

    /** Tables whose every write lands in the change feed. */
    private static final Set<String> TRACKED = Set.of("articles", "people", "places", "quotes", "comments");
    private static final int MAX_ENTRIES = 10_000;
    /** A timestamptz as microseconds since the epoch, compared in Java. */
    private static final String MICROS = "(extract(epoch from %s) * 1000000)::bigint";

    private record Entry(long total, long version, long validBeforeMicros) {
    }

    private final Map<String, Entry> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    });

    @Inject
    EntityManager em;

    /** The total for {@code key} (table and the query's canonical filter), counted by {@code count} when not cached. */
    long total(String table, String key, LongSupplier count) {
        if (!TRACKED.contains(table)) {
            return count.getAsLong();
        }
        Object[] state = (Object[]) em.createNativeQuery(
                "select coalesce((select max(seq) from changes), 0), " + MICROS.formatted("now()")).getSingleResult();
        long version = ((Number) state[0]).longValue();
        long now = ((Number) state[1]).longValue();
        Entry e = cache.get(key);
        if (e != null && e.version == version && now < e.validBeforeMicros) {
            return e.total;
        }
        long total = count.getAsLong();
        cache.put(key, new Entry(total, version, nextDue()));
        return total;
    }

    /** When the next scheduled article comes due (after which anonymous totals may differ), or never. */
    private long nextDue() {
        return ((Number) em.createNativeQuery("select coalesce(" + MICROS.formatted("min(published_at)") + ", " + Long.MAX_VALUE
                + ") from articles where status = 'scheduled' and published_at > now()").getSingleResult()).longValue();
    }
}
