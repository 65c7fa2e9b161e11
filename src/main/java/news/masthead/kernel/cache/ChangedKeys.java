package news.masthead.kernel.cache;

import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.sql.Reads;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Objects;
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
     * A quote's current article: a quote newly attached to it changes the article's include=quotes copy. What the
     * change recorded of its record's place in its collection's lists (V20, V28; a comment's article, V29) and what the
     * record's entry before recorded: a record moved when they differ (none before: it may have), and a deleted
     * comment's article is its entry before's. And the words whose entries in its search vector the change changed (V27;
     * null: no text changed), with the article's publication time (null: none, or deleted). An article whose
     * publication time or visibility changed meanwhile has moved, which refreshes every ranked page anyway
     * ({@link ReadCache#ARTICLES_LISTED}): its time now stands for its time then.
     */
    private static final String READ = """
            select c.collection, c.id::text, c.seq, c.words,
                   (select q.article_id::text from quotes q where c.collection = 'quotes' and q.id = c.id),
                   c.listed,
                   (select %s from articles a
                    where c.words is not null and c.collection = 'articles' and a.id = c.id),
                   (select p.listed from changes p
                    where c.collection in ('articles', 'people', 'places', 'quotes', 'comments')
                      and p.collection = c.collection and p.id = c.id and p.seq < c.seq
                    order by p.seq desc limit 1)
            from changes c where c.seq > ? and c.seq <= ? order by c.seq""".formatted(Reads.epochMicros("a.published_at"));

    private final ConcurrentHashMap<String, Long> lastChanged = new ConcurrentHashMap<>();
    /** For {@link ReadCache#ARTICLES_TEXT} and each word bucket: the publication times of their recent changes. */
    private final ConcurrentHashMap<String, Published> published = new ConcurrentHashMap<>();
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
                    String listed = rs.getString(6);
                    String before = rs.getString(8);
                    if (collection.equals("comments")) {
                        String in = listed != null ? listed : before; // none known: every article's comment pages
                        lastChanged.put(in == null ? ReadCache.listed(collection) : ReadCache.commentsOf(in), at);
                    } else if (!Objects.equals(listed, before)) {
                        lastChanged.put(ReadCache.listed(collection), at);
                    }
                    Array words = rs.getArray(4);
                    if (words != null) {
                        long micros = rs.getLong(7);
                        long publishedAt = rs.wasNull() ? Long.MAX_VALUE : micros;
                        textChanged(ReadCache.ARTICLES_TEXT, at, publishedAt);
                        for (Object word : (Object[]) words.getArray()) {
                            textChanged(ReadCache.articleWord((String) word), at, publishedAt);
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

    private void textChanged(String key, long seq, long publishedAt) {
        published.compute(key, (k, old) -> (old == null ? Published.NONE : old).with(seq, publishedAt));
        lastChanged.put(key, seq);
    }

    private void reset(long seq) {
        floor = seq;
        lastChanged.clear();
        published.clear();
        applied = seq;
    }

    /** Whether a value computed at {@code seq} from records named by {@code keys} is still current. */
    boolean current(long seq, Collection<String> keys) {
        if (seq < floor) {
            return false;
        }
        for (String key : keys) {
            int from = key.indexOf(ReadCache.FROM); // ReadCache.publishedFrom
            String changedKey = from < 0 ? key : key.substring(0, from);
            Long changed = lastChanged.get(changedKey);
            if (changed != null && changed > seq) {
                if (from < 0) {
                    return false;
                }
                Published p = published.get(changedKey);
                if (p == null || p.since(seq, Long.parseLong(key, from + 1, key.length(), 10))) {
                    return false;
                }
            }
        }
        return seq >= floor; // again: a reset may have emptied the map meanwhile, after raising the floor
    }

    /**
     * The changes of one text key after {@code horizon}: their seqs, rising, and the publication times of the articles
     * they changed, falling. A change whose time a later one's reaches is dropped (whatever page it refreshes, the later
     * one refreshes too); past {@link #KEPT} the oldest is dropped and the horizon raised to its seq, so a page
     * computed before the horizon cannot tell and is refreshed.
     */
    private record Published(long horizon, long[] seqs, long[] micros) {

        static final int KEPT = 8;
        static final Published NONE = new Published(-1, new long[0], new long[0]);

        Published with(long seq, long publishedAt) {
            int kept = 0; // the times fall: those above this one are a prefix
            while (kept < seqs.length && micros[kept] > publishedAt) {
                kept++;
            }
            int dropped = Math.max(0, kept + 1 - KEPT);
            long[] s = new long[kept - dropped + 1];
            long[] m = new long[s.length];
            System.arraycopy(seqs, dropped, s, 0, kept - dropped);
            System.arraycopy(micros, dropped, m, 0, kept - dropped);
            s[s.length - 1] = seq;
            m[m.length - 1] = publishedAt;
            return new Published(dropped > 0 ? seqs[dropped - 1] : horizon, s, m);
        }

        /** Whether a change after {@code seq} touched an article published at or after {@code floorMicros}. */
        boolean since(long seq, long floorMicros) {
            if (seq < horizon) {
                return true;
            }
            for (int i = 0; i < seqs.length; i++) {
                if (seqs[i] > seq) {
                    return micros[i] >= floorMicros; // the latest time of all the changes after seq
                }
            }
            return false;
        }
    }
}
