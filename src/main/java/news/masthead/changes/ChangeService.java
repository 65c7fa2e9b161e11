package news.masthead.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.http.JsonText;
import news.masthead.kernel.paging.JsonPage;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.sql.Reads;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
@Transactional
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

    private static final byte[] OPEN = {'['};
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {']'};

    @Inject
    EntityManager em;

    @Inject
    Reads reads;

    @Inject
    Caller caller;

    /**
     * The feed's page for this caller as JSON written by PostgreSQL, by statements in autocommit (no transaction
     * around them): what partners poll. Its body always has {@code next}; the page's own {@code next} (a Link header's)
     * only when the page is full.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public JsonPage json(String after, String limit) {
        long from = ChangeCursor.decode(after);
        int n = Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        boolean editor = caller.isEditor();
        if (!editor) {
            reads.single("select changes_publish_due()", Map.of(), rs -> rs.getInt(1));
        }
        JsonText.Builder items = new JsonText.Builder().add(OPEN);
        Walked walked = new Walked();
        reads.each(page(editor, ENTRY_JSON), Map.of("after", from, "n", n), rs -> {
            walked.horizon = rs.getLong(1);
            long seq = rs.getLong(2);
            if (rs.wasNull()) {
                return;
            }
            if (walked.count++ > 0) {
                items.add(COMMA);
            }
            items.add(rs.getBytes(3));
            walked.last = seq;
        });
        String next = ChangeCursor.encode(next(from, walked.last, walked.count, n, walked.horizon));
        JsonPage page = JsonPage.of(items.add(CLOSE).build().bytes(), null, n, next);
        return walked.count == n ? page : new JsonPage(page.body(), null, null);
    }

    /** What the rows of a page said besides their JSON. */
    private static final class Walked {
        long horizon;
        Long last;
        int count;
    }

    /**
     * Up to {@code n} entries after {@code from} as editors ({@code editor}) or anonymous callers see them; {@code next}
     * is the cursor to continue from (see {@link ChangeCursor#decode} for its seq).
     */
    public Page<Change> after(long from, int n, boolean editor) {
        if (!editor) {
            em.createNativeQuery("select changes_publish_due()").getSingleResult();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(page(editor, "c.collection, c.id, c.op, c.at"))
                .setParameter("after", from)
                .setParameter("n", n)
                .unwrap(NativeQuery.class)
                .addScalar("horizon", Long.class)
                .addScalar("seq", Long.class)
                .addScalar("collection", String.class)
                .addScalar("id", UUID.class)
                .addScalar("op", String.class)
                .addScalar("at", Instant.class)
                .getResultList();
        List<Change> items = new ArrayList<>();
        long horizon = 0;
        for (Object[] r : rows) {
            horizon = (Long) r[0];
            if (r[1] != null) {
                items.add(new Change((Long) r[1], (String) r[2], (UUID) r[3], (String) r[4], (Instant) r[5]));
            }
        }
        Long last = items.isEmpty() ? null : items.get(items.size() - 1).seq();
        return new Page<>(items, null, n, ChangeCursor.encode(next(from, last, items.size(), n, horizon)));
    }

    /**
     * One statement, so the page and the horizon (largest seq committed) come from one snapshot: everything up to the
     * horizon that is not in the page is not for this caller. Its columns: the horizon, the entry's seq (null on the one
     * row of an empty page), then {@code columns} over the entry aliased {@code c}.
     */
    private static String page(boolean editor, String columns) {
        String op = editor ? "op" : "public_op";
        return """
                select h.horizon, c.seq, %s
                from (select coalesce(max(seq), 0) as horizon from changes) h
                left join lateral (
                    select seq, collection, id, %s as op, at from changes
                    where seq > :after and %s is not null order by seq limit :n) c on true
                order by c.seq""".formatted(columns, op, op);
    }

    /** Where to continue from: past the page's last entry, or, when the page is short, past the horizon. */
    private static long next(long from, Long last, int count, int n, long horizon) {
        long next = last == null ? from : last;
        return count < n ? Math.max(next, horizon) : next; // nothing more for this caller up to the horizon
    }
}
