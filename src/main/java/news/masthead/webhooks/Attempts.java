package news.masthead.webhooks;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.changes.Change;
import news.masthead.changes.ChangeCursor;
import news.masthead.changes.ChangeService;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.paging.Page;

import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One step of one webhook, made by whichever worker locks its cursor row first (FOR UPDATE SKIP LOCKED; the others pass
 * it by): pass over the entries it does not want, then attempt the next one it does. The cursor moves only past an
 * entry that was answered with 2xx, in the same transaction that holds the lock, so an instance that dies mid-attempt
 * leaves the entry to the next worker, and the entries of one webhook go out one at a time, in seq order.
 */
@ApplicationScoped
class Attempts {

    static final int BATCH = 100;
    /** How long one webhook may keep a worker before the others get their turn. */
    private static final long TURN_NANOS = 1_000_000_000L;

    @Inject
    ChangeService changes;

    @Inject
    ScopedReader reader;

    @Inject
    SurrogateKeys surrogateKeys;

    @Inject
    SecretBox secrets;

    @Inject
    CmsConfig cms;

    @Inject
    ObjectMapper json;

    @Inject
    HostResolver dns;

    @Inject
    Vertx vertx;

    private volatile Sender sender;

    /** The body of a delivery; {@code data} is already JSON. */
    record Event(
            String type,
            Long seq,
            String collection,
            UUID id,
            String op,
            Instant at,
            @JsonRawValue String data,
            List<String> surrogateKeys) {}

    private static final class Cursor {
        UUID webhook;
        long seq;
        int attempts;
        Instant retryAt;
        Instant failingSince;
        int generation;
        String url;
        List<String> events;
        boolean all;
        String sealedSecret;
        Long replayAfter;
        Instant resumedAt;
        boolean active;
        Instant now;
    }

    /** Makes one step for {@code webhook} on {@code c}; true when there is more to do for it right away. */
    boolean step(Connection c, UUID webhook) throws SQLException {
        c.setAutoCommit(false);
        try {
            Cursor cur = lock(c, webhook);
            if (cur != null && cur.url == null) {
                update(c, "delete from webhook_cursors where webhook_id = ?", webhook); // its webhook was deleted
            }
            boolean more = cur != null && cur.active && step(c, cur);
            c.commit();
            return more;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private boolean step(Connection c, Cursor cur) throws SQLException {
        if (cur.replayAfter != null) {
            cur.seq = cur.replayAfter;
            cur.generation++;
            clearFailure(cur);
            update(
                    c,
                    "update webhooks set replay_after = null where id = ? and replay_after = ?",
                    cur.webhook,
                    cur.replayAfter);
        } else if (cur.resumedAt != null && cur.failingSince != null && cur.failingSince.isBefore(cur.resumedAt)) {
            clearFailure(cur);
        }
        if (cur.retryAt != null && cur.retryAt.isAfter(cur.now)) {
            save(c, cur);
            return false;
        }
        Page<Change> page = changes.after(cur.seq, BATCH, cur.all);
        long until = System.nanoTime() + TURN_NANOS;
        for (Change ch : page.items()) {
            if (!matches(cur.events, ch)) {
                cur.seq = ch.seq();
                continue;
            }
            if (!attempt(c, cur, ch)) {
                return false;
            }
            // Delivered and committed; go on with the same page while this webhook's turn lasts and the lock is ours
            // again.
            Cursor again = System.nanoTime() < until ? lock(c, cur.webhook) : null;
            if (again == null
                    || again.seq != cur.seq
                    || !again.active
                    || again.replayAfter != null
                    || again.retryAt != null) {
                return true;
            }
            cur = again;
        }
        cur.seq = Math.max(cur.seq, ChangeCursor.decode(page.next()));
        save(c, cur);
        return page.items().size() == BATCH;
    }

    /** One attempt at {@code target}; true when it was answered with 2xx and the cursor moved past it (committed). */
    private boolean attempt(Connection c, Cursor cur, Change target) throws SQLException {
        String type = target.collection() + "." + target.op();
        String data = target.op().equals("upsert")
                ? reader.read(target.collection(), target.id(), cur.all).orElse(null)
                : null;
        Event event = new Event(
                type,
                target.seq(),
                target.collection(),
                target.id(),
                target.op(),
                target.at(),
                data,
                surrogateKeys.of(target.collection(), target.id(), cur.all));
        String messageId = "msg_" + cur.webhook + "_" + target.seq() + (cur.generation > 0 ? "_" + cur.generation : "");
        Sender.Outcome outcome = send(cur.webhook, cur.url, cur.sealedSecret, messageId, event);
        log(c, cur.webhook, target.seq(), type, cur.attempts + 1, outcome);
        if (outcome.ok()) {
            cur.seq = target.seq();
            clearFailure(cur);
            save(c, cur);
            c.commit();
            return true;
        }
        cur.attempts++;
        if (cur.failingSince == null) {
            cur.failingSince = cur.now;
        }
        if (!Duration.between(cur.failingSince, cur.now)
                .minus(cms.webhooks().retryFor())
                .isNegative()) {
            update(
                    c,
                    """
                    update webhooks set active = false, inactive_reason = ?, version = version + 1,
                        updated_at = date_trunc('milliseconds', now()) where id = ?""",
                    "Deliveries failed for " + cms.webhooks().retryFor() + " since " + cur.failingSince
                            + "; last attempt: " + outcome.error(),
                    cur.webhook);
            clearFailure(cur);
        } else {
            cur.retryAt = cur.now.plus(backoff(cur.attempts));
        }
        save(c, cur);
        return false;
    }

    /** A signed POST of {@code event} to {@code url}, unless the url now resolves to an address it may not reach. */
    Sender.Outcome send(UUID webhook, String url, String sealedSecret, String messageId, Event event) {
        Destination.Target target;
        try {
            target = Destination.target(url, cms.webhooks().allowPrivateAddresses(), dns);
        } catch (Destination.Refused why) {
            return new Sender.Outcome(null, 0, "not sent: the url " + why.getMessage());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature = Signer.sign(secrets.open(webhook, sealedSecret), messageId, timestamp, body);
        return sender().post(
                        target,
                        Map.of(
                                "webhook-id",
                                messageId,
                                "webhook-timestamp",
                                Long.toString(timestamp),
                                "webhook-signature",
                                signature),
                        body);
    }

    void log(Connection c, UUID webhook, Long seq, String type, int attempt, Sender.Outcome o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into webhook_deliveries (webhook_id, seq, type, attempt, status, duration_ms, error, at)
                values (?, ?, ?, ?, ?, ?, ?, now())""")) {
            ps.setObject(1, webhook);
            ps.setObject(2, seq);
            ps.setString(3, type);
            ps.setInt(4, attempt);
            ps.setObject(5, o.status());
            ps.setInt(6, o.durationMs());
            ps.setString(
                    7,
                    o.error() == null
                            ? null
                            : o.error().substring(0, Math.min(o.error().length(), 1000)));
            ps.executeUpdate();
        }
    }

    static boolean matches(List<String> patterns, Change ch) {
        for (String p : patterns) {
            if (p.equals("*") || p.equals(ch.collection() + ".*") || p.equals(ch.collection() + "." + ch.op())) {
                return true;
            }
        }
        return false;
    }

    /** retry-initial-delay doubled per failed attempt, capped at retry-max-delay, times a random 0.8 to 1.2. */
    private Duration backoff(int attempts) {
        long initial = cms.webhooks().retryInitialDelay().toMillis();
        long max = cms.webhooks().retryMaxDelay().toMillis();
        long delay = attempts >= 40 ? max : Math.min(max, initial << Math.min(attempts - 1, 40));
        return Duration.ofMillis((long) (delay * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    private Sender sender() {
        Sender s = sender;
        if (s == null) {
            synchronized (this) { // one client (and its connection pool) per instance
                if (sender == null) {
                    sender = new Sender(vertx, cms.webhooks().timeout());
                }
                s = sender;
            }
        }
        return s;
    }

    private static void clearFailure(Cursor cur) {
        cur.attempts = 0;
        cur.retryAt = null;
        cur.failingSince = null;
    }

    private static Cursor lock(Connection c, UUID webhook) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select c.seq, c.attempts, c.retry_at, c.failing_since, c.generation, w.url, w.events, w.scope, w.secret_sealed,
                       w.replay_after, w.resumed_at, w.active, now()
                from webhook_cursors c left join webhooks w on w.id = c.webhook_id
                where c.webhook_id = ? for update of c skip locked""")) {
            ps.setObject(1, webhook);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Cursor cur = new Cursor();
                cur.webhook = webhook;
                cur.seq = rs.getLong(1);
                cur.attempts = rs.getInt(2);
                cur.retryAt = instant(rs.getTimestamp(3));
                cur.failingSince = instant(rs.getTimestamp(4));
                cur.generation = rs.getInt(5);
                cur.url = rs.getString(6);
                Array events = rs.getArray(7);
                cur.events = Arrays.asList((String[]) events.getArray());
                cur.all = rs.getString(8).equals("all");
                cur.sealedSecret = rs.getString(9);
                cur.replayAfter = (Long) rs.getObject(10);
                cur.resumedAt = instant(rs.getTimestamp(11));
                cur.active = rs.getBoolean(12);
                cur.now = instant(rs.getTimestamp(13));
                return cur;
            }
        }
    }

    private static void save(Connection c, Cursor cur) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update webhook_cursors set seq = ?, attempts = ?, retry_at = ?, failing_since = ?, generation = ?, touched_at = now()
                where webhook_id = ?""")) {
            ps.setLong(1, cur.seq);
            ps.setInt(2, cur.attempts);
            ps.setTimestamp(3, cur.retryAt == null ? null : Timestamp.from(cur.retryAt));
            ps.setTimestamp(4, cur.failingSince == null ? null : Timestamp.from(cur.failingSince));
            ps.setInt(5, cur.generation);
            ps.setObject(6, cur.webhook);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
