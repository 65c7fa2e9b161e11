package news.masthead.comments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Limits anonymous comment posts per client ({@code cms.comments.rate-limit} in any 60 seconds). The window slides:
 * the attempts of the current calendar minute count fully, those of the previous minute in proportion to how much
 * of it still lies within the last 60 seconds (the usual two-bucket approximation), so a burst across a minute
 * boundary is refused like any other. The counters live in PostgreSQL, so every instance sharing the database
 * enforces one limit; each attempt is one upsert, committed on its own so that attempts count whatever becomes
 * of them. IPv6 clients are counted per /64, the block one subscriber usually holds (see {@link #key}).
 */
@ApplicationScoped
public class CommentRateLimit {

    static final int WINDOW_SECONDS = 60;

    /** Counts this attempt in the current minute; returns it, the previous minute's attempts and the seconds into this minute. */
    static final String HIT = """
            with hit as (
                insert into comment_rate_windows as w (client, window_start, hits)
                values (:client, date_trunc('minute', now()), 1)
                on conflict (client, window_start) do update set hits = w.hits + 1
                returning w.hits, w.window_start)
            select hit.hits,
                   coalesce((select p.hits from comment_rate_windows p
                             where p.client = :client and p.window_start = hit.window_start - interval '1 minute'), 0),
                   extract(epoch from now() - hit.window_start)
            from hit""";

    @Inject
    EntityManager em;

    @Inject
    CmsConfig config;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ApiException.TooManyRequests.class)
    public void admit(String client) {
        Object[] row = (Object[])
                em.createNativeQuery(HIT).setParameter("client", key(client)).getSingleResult();
        int current = ((Number) row[0]).intValue();
        int previous = ((Number) row[1]).intValue();
        double elapsed = ((Number) row[2]).doubleValue();
        if (current == 1) {
            // A new minute for this client: minutes that ended a while ago are no longer needed.
            em.createNativeQuery("delete from comment_rate_windows where window_start < now() - interval '5 minutes'")
                    .executeUpdate();
        }
        int limit = config.comments().rateLimit();
        if (estimate(previous, current, elapsed) > limit) {
            long retryAfter = retryAfter(previous, current, elapsed, limit);
            throw new ApiException.TooManyRequests(
                    "At most " + limit + " comments in 60 seconds from one address; retry in " + retryAfter + " s.",
                    retryAfter);
        }
    }

    /** Attempts in the 60 seconds sliding back from {@code elapsed} seconds into the current minute. */
    static double estimate(int previous, int current, double elapsed) {
        return previous * Math.max(0, WINDOW_SECONDS - elapsed) / WINDOW_SECONDS + current;
    }

    /** Whole seconds until one more attempt would be admitted, if none is made meanwhile (at least 1). */
    static long retryAfter(int previous, int current, double elapsed, int limit) {
        for (int wait = 1; wait < 2 * WINDOW_SECONDS; wait++) {
            double at = elapsed + wait;
            double next = at < WINDOW_SECONDS
                    ? estimate(previous, current + 1, at)
                    : estimate(current, 1, at - WINDOW_SECONDS);
            if (next <= limit) {
                return wait;
            }
        }
        return 2 * WINDOW_SECONDS;
    }

    /** The counted client: an IPv4 address as is, an IPv6 address as its /64 (one subscriber's block). */
    static String key(String client) {
        if (!client.contains(":") || !client.matches("[0-9a-fA-F:.]{2,45}")) {
            return client;
        }
        try {
            byte[] a = InetAddress.getByName(client).getAddress(); // an IPv6 literal: parsed, never resolved
            if (a.length != 16) {
                return client;
            }
            return String.format("%x:%x:%x:%x::/64", word(a, 0), word(a, 2), word(a, 4), word(a, 6));
        } catch (UnknownHostException e) {
            return client;
        }
    }

    private static int word(byte[] a, int i) {
        return (a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF);
    }
}
