package news.masthead.comments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.web.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits anonymous comment posts per client address and minute ({@code cms.comments.rate-limit}).
 * The counter lives in PostgreSQL, so every instance sharing the database enforces one limit; each
 * attempt is one upsert, committed on its own so that attempts count whatever becomes of them.
 */
@ApplicationScoped
public class CommentRateLimit {

    /** Counts this attempt in the current minute's window; returns the count and the seconds left in the window. */
    static final String HIT = """
            insert into comment_rate_windows as w (client, window_start, hits)
            values (:client, date_trunc('minute', now()), 1)
            on conflict (client, window_start) do update set hits = w.hits + 1
            returning w.hits, ceil(extract(epoch from (w.window_start + interval '1 minute' - now())))""";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "cms.comments.rate-limit", defaultValue = "5")
    int perMinute;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ApiException.TooManyRequests.class)
    public void admit(String client) {
        Object[] row = (Object[]) em.createNativeQuery(HIT).setParameter("client", client).getSingleResult();
        int hits = ((Number) row[0]).intValue();
        long retryAfter = Math.max(1, ((Number) row[1]).longValue());
        if (hits == 1) {
            // A new window for this client: windows that ended a while ago are no longer needed.
            em.createNativeQuery("delete from comment_rate_windows where window_start < now() - interval '5 minutes'")
                    .executeUpdate();
        }
        if (hits > perMinute) {
            throw new ApiException.TooManyRequests("At most " + perMinute + " comments a minute from one address; retry in "
                    + retryAfter + " s.", retryAfter);
        }
    }
}
