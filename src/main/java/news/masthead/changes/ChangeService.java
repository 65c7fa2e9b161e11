package news.masthead.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.http.SurrogateKeys;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Reads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/**
 * Reads the change feed that the database triggers write (see V3__changes.sql for why seq order is
 * commit order). Editors read every entry's {@code op}; anonymous callers read {@code public_op},
 * after scheduled articles whose time has come have been turned into entries.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED) // statements in autocommit, see walk
public class ChangeService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** An entry as JSON built by PostgreSQL, byte for byte as {@link Change} serialises. */
    private static final String ENTRY_JSON = object(
            "seq",
            value("c.seq"),
            "collection",
            value("c.collection"),
            "id",
            value("c.id"),
            "op",
            value("c.op"),
            "at",
            instant("c.at"));

    /**
     * What a page of the feed depends on: every change of every collection (each adds an entry, or moves the horizon its
     * {@code next} comes from). An anonymous page is also timed, as everything showing articles is: a scheduled article
     * coming due adds an entry with no write.
     */
    private static final Set<String> EVERY_COLLECTION = Set.copyOf(SurrogateKeys.KINDS.keySet());

    private static final byte[] OPEN = {'['};
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {']'};

    @Inject
    Reads reads;

    @Inject
    Caller caller;

    @Inject
    ReadCache cache;

    /**
     * The feed's page for this caller as JSON written by PostgreSQL: what partners poll, kept in the read cache until
     * the next change. Its body always has {@code next}; the page's own {@code next} (a Link header's) only when the
     * page is full.
     */
    public JsonPage json(String after, String limit) {
        long from = ChangeCursor.decode(after);
        int n = Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        boolean editor = caller.isEditor();
        return cache.getByStatements(
                "changes|" + (editor ? "all" : "public") + "|" + from + "|" + n,
                page -> List.of(),
                (page, shown) -> EVERY_COLLECTION,
                page -> page.body().bytes(),
                () -> json(from, n, editor));
    }

    private JsonPage json(long from, int n, boolean editor) {
        Walk<byte[]> walk = walk(from, n, editor, ENTRY_JSON, rs -> rs.getBytes(4));
        JsonText.Builder items = new JsonText.Builder().add(OPEN);
        for (int i = 0; i < walk.entries().size(); i++) {
            if (i > 0) {
                items.add(COMMA);
            }
            items.add(walk.entries().get(i));
        }
        JsonPage page = JsonPage.of(items.add(CLOSE).build().bytes(), null, n, ChangeCursor.encode(walk.next()));
        return walk.entries().size() == n ? page : new JsonPage(page.body(), null, null, null);
    }

    /**
     * Up to {@code n} entries after {@code from} as editors ({@code editor}) or anonymous callers see them; {@code next}
     * is the cursor to continue from (see {@link ChangeCursor#decode} for its seq).
     */
    public Page<Change> after(long from, int n, boolean editor) {
        Walk<Change> walk = walk(
                from,
                n,
                editor,
                "c.collection, c.id, c.op, " + Reads.epochMicros("c.at"),
                rs -> new Change(
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        Reads.instant(rs.getLong(7))));
        return new Page<>(walk.entries(), null, n, ChangeCursor.encode(walk.next()));
    }

    /** A page's entries, the seq to continue from, and whether scheduled articles had come due unannounced. */
    private record Walk<T>(List<T> entries, long next, boolean due) {}

    /**
     * One statement, so the page and the horizon (largest seq committed) come from one snapshot: everything up to the
     * horizon that is not in the page is not for this caller. For anonymous callers the same statement tells whether
     * scheduled articles have come due that the feed has not announced; only then are they turned into entries
     * ({@code changes_publish_due}) and the page read again, so a poll with nothing due is one round trip. Its columns:
     * the horizon, whether any is due, the entry's seq (null on the one row of an empty page), then {@code columns}
     * over the entry aliased {@code c}, which {@code entry} reads. Statements in autocommit: no transaction is held
     * across them.
     */
    private <T> Walk<T> walk(long from, int n, boolean editor, String columns, Reads.Row<T> entry) {
        String op = editor ? "op" : "public_op";
        String due = editor ? "false" : "exists (select from change_schedule where due_at <= clock_timestamp())";
        String sql = """
                select h.horizon, h.due, c.seq, %s
                from (select coalesce(max(seq), 0) as horizon, %s as due from changes) h
                left join lateral (
                    select seq, collection, id, %s as op, at from changes
                    where seq > :after and %s is not null order by seq limit :n) c on true
                order by c.seq""".formatted(columns, due, op, op);
        Walk<T> walk = page(sql, from, n, entry);
        if (walk.due()) {
            reads.single("select changes_publish_due()", Map.of(), rs -> rs.getInt(1));
            walk = page(sql, from, n, entry);
        }
        return walk;
    }

    private <T> Walk<T> page(String sql, long from, int n, Reads.Row<T> entry) {
        List<T> entries = new ArrayList<>();
        long[] horizonAndLast = {0, from};
        boolean[] due = {false};
        reads.each(sql, Map.of("after", from, "n", n), rs -> {
            horizonAndLast[0] = rs.getLong(1);
            due[0] = rs.getBoolean(2);
            long seq = rs.getLong(3);
            if (!rs.wasNull()) {
                entries.add(entry.map(rs));
                horizonAndLast[1] = seq;
            }
        });
        long next = horizonAndLast[1];
        if (entries.size() < n) {
            next = Math.max(next, horizonAndLast[0]); // nothing more for this caller up to the horizon
        }
        return new Walk<>(entries, next, due[0]);
    }
}
