package news.masthead.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.auth.Caller;
import news.masthead.kernel.paging.Page;
import news.masthead.kernel.query.Params;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public Page<Change> after(String after, String limit) {
        return after(ChangeCursor.decode(after), Params.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), caller.isEditor());
    }

    /**
     * Up to {@code n} entries after {@code from} as editors ({@code editor}) or anonymous callers see them; {@code next}
     * is the cursor to continue from (see {@link ChangeCursor#decode} for its seq).
     */
    public Page<Change> after(long from, int n, boolean editor) {
        if (!editor) {
            em.createNativeQuery("select changes_publish_due()").getSingleResult();
        }
        String op = editor ? "op" : "public_op";
        // One statement, so the page and the horizon (largest seq committed) come from one snapshot:
        // everything up to the horizon that is not in the page is not for this caller.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select h.horizon, c.seq, c.collection, c.id, c.op, c.at
                        from (select coalesce(max(seq), 0) as horizon from changes) h
                        left join lateral (
                            select seq, collection, id, %s as op, at from changes
                            where seq > :after and %s is not null order by seq limit :n) c on true
                        order by c.seq""".formatted(op, op))
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
        long next = items.isEmpty() ? from : items.get(items.size() - 1).seq();
        if (items.size() < n) {
            next = Math.max(next, horizon); // nothing more for this caller up to the horizon
        }
        return new Page<>(items, null, n, ChangeCursor.encode(next));
    }
}
