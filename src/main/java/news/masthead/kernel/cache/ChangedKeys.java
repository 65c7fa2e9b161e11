package news.masthead.kernel.cache;

import news.masthead.kernel.http.SurrogateKeys;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each surrogate key, the last change-feed seq that touched it, followed from the change feed itself: so every
 * instance invalidates the same entries, and only those, with no message but the database's. Committed seqs form a
 * prefix in commit order (V3), so reading the entries after the last one applied, up to the largest committed seq,
 * misses none. Updated by the one data-version reader only; read by any request.
 */
final class ChangedKeys {

    /** Past this many new entries at once (a bulk import), every older cache entry is dropped instead of reading them. */
    static final long MAX_READ = 5000;
    /** Keys remembered at most; past it, every older cache entry is dropped and the map starts again. */
    static final int MAX_KEYS = 50_000;

    /**
     * A quote's current article: a quote newly attached to it changes the article's include=quotes copy. And whether an
     * article's change moved it in the lists by publication time: what it recorded of the article (V20) differs from
     * what its entry before recorded (none before: it may have). And the words whose entries in its search vector the
     * change changed (V27; null: no text changed).
     */
    private static final String READ = """
            select c.collection, c.id::text, c.seq, c.words,
                   (select q.article_id::text from quotes q where c.collection = 'quotes' and q.id = c.id),
                   c.collection = 'articles' and c.listed is distinct from (
                       select p.listed from changes p where p.collection = c.collection and p.id = c.id and p.seq < c.seq
                       order by p.seq desc limit 1)
            from changes c where c.seq > ? and c.seq <= ? order by c.seq""";

    private final ConcurrentHashMap<String, Long> lastChanged = new ConcurrentHashMap<>();
    /** Entries computed before this seq are stale whatever they depend on. */
    private volatile long floor = Long.MAX_VALUE;

    private long applied = -1;

    /** Records the changes up to {@code seq}, before any request is told that seq. */
    void advance(Connection connection, long seq) throws SQLException {
        if (seq <= applied) {
            return;
        }
        if (applied < 0 || seq - applied > MAX_READ) {
            reset(seq);
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(READ)) {
            s.setLong(1, applied);
            s.setLong(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String collection = rs.getString(1);
                    long at = rs.getLong(3);
                    String kind = SurrogateKeys.KINDS.get(collection);
                    if (kind == null) {
                        continue;
                    }
                    lastChanged.put(collection, at);
                    lastChanged.put(kind + ":" + rs.getString(2), at);
                    String article = rs.getString(5);
                    if (article != null) {
                        lastChanged.put("article:" + article, at);
                    }
                    if (rs.getBoolean(6)) {
                        lastChanged.put(ReadCache.ARTICLES_LISTED, at);
                    }
                    Array words = rs.getArray(4);
                    if (words != null) {
                        lastChanged.put(ReadCache.ARTICLES_TEXT, at);
                        for (Object word : (Object[]) words.getArray()) {
                            lastChanged.put(ReadCache.articleWord((String) word), at);
                        }
                    }
                }
            }
        }
        applied = seq;
        if (lastChanged.size() > MAX_KEYS) {
            reset(seq);
        }
    }

    private void reset(long seq) {
        floor = seq;
        lastChanged.clear();
        applied = seq;
    }

    /** Whether a value computed at {@code seq} from records named by {@code keys} is still current. */
    boolean current(long seq, Collection<String> keys) {
        if (seq < floor) {
            return false;
        }
        for (String key : keys) {
            Long changed = lastChanged.get(key);
            if (changed != null && changed > seq) {
                return false;
            }
        }
        return seq >= floor; // again: a reset may have emptied the map meanwhile, after raising the floor
    }
}
