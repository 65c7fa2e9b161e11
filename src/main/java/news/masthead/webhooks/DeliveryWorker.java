package news.masthead.webhooks;

import news.masthead.kernel.config.CmsConfig;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery loop of one instance. A dispatcher thread LISTENs on its own connection for committed change-feed
 * entries (polling every poll-interval as well, for retries that come due and for a lost notification), finds the
 * webhooks that have something to send, and hands each to a bounded pool of workers, one task per webhook at a time.
 * A worker makes one step (see Attempts) on its own connection and queues the webhook again while it has more, so a
 * webhook with a long backlog or a slow endpoint takes one worker and never delays the others.
 */
final class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final long PRUNE_EVERY_MS = 60_000;

    private final String name;
    private final Attempts attempts;
    private final PgConnections connections;
    private final CmsConfig.Webhooks config;
    private final ExecutorService pool;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final List<Connection> workerConnections = new ArrayList<>();
    private final ThreadLocal<Connection> workerConnection = new ThreadLocal<>();
    private final Thread dispatcher;
    private volatile boolean running = true;
    private volatile Connection listener;
    private long prunedAt;

    DeliveryWorker(String name, Attempts attempts, PgConnections connections, CmsConfig.Webhooks config) {
        this.name = name;
        this.attempts = attempts;
        this.connections = connections;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                config.workers(),
                config.workers(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                r -> daemon(r, name + "-" + n.incrementAndGet()));
        this.dispatcher = daemon(this::dispatch, name + "-dispatcher");
    }

    void start() {
        dispatcher.start();
    }

    /** Stops at once, as a killed instance would: attempts in flight are abandoned uncommitted, their entries left to others. */
    void halt() {
        running = false;
        dispatcher.interrupt();
        pool.shutdownNow();
        synchronized (workerConnections) {
            workerConnections.forEach(DeliveryWorker::closeQuietly);
        }
        closeQuietly(listener);
    }

    private void dispatch() {
        long pollMs = Math.max(1, config.pollInterval().toMillis());
        while (running) {
            try {
                if (listener == null || listener.isClosed()) {
                    listener = connections.open(name + " listener", 60);
                    try (Statement s = listener.createStatement()) {
                        s.execute("listen masthead_changes");
                    }
                }
                publishDue();
                for (UUID webhook : due()) {
                    if (queued.add(webhook)) {
                        pool.execute(() -> work(webhook));
                    }
                }
                prune();
                listener.unwrap(PGConnection.class).getNotifications((int) pollMs);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Webhook dispatcher %s: %s; retrying in 1 s", name, e.getMessage());
                closeQuietly(listener);
                listener = null;
                sleep(1000);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.errorf(e, "Webhook dispatcher %s failed; retrying in 1 s", name);
                sleep(1000);
            }
        }
    }

    private void work(UUID webhook) {
        boolean more = false;
        try {
            more = attempts.step(connection(), webhook);
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                LOG.debugf("Webhook %s was deleted during an attempt", webhook); // its log row had nothing to refer to
            } else {
                if (running) {
                    LOG.warnf("Webhook worker %s: %s", name, e.getMessage());
                }
                dropConnection();
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "Webhook worker %s failed on webhook %s", name, webhook);
            }
        }
        if (more && running) {
            pool.execute(() -> work(webhook)); // to the back of the queue: webhooks take turns
        } else {
            queued.remove(webhook);
        }
    }

    /** Webhooks that may have something to send now, least recently served first. */
    private List<UUID> due() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement ps = listener.prepareStatement("""
                select c.webhook_id from webhook_cursors c join webhooks w on w.id = c.webhook_id
                where w.active and (w.replay_after is not null
                    or (c.seq < (select coalesce(max(seq), 0) from changes)
                        and (c.retry_at is null or c.retry_at <= now() or w.resumed_at > c.failing_since)))
                order by c.touched_at limit 1000""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** Scheduled articles come due without a write: as the anonymous change feed's reader does, announce them first. */
    private void publishDue() throws SQLException {
        try (Statement s = listener.createStatement()) {
            s.execute(
                    "select changes_publish_due() where exists (select 1 from webhooks where active and scope = 'public')");
        }
    }

    private void prune() throws SQLException {
        long now = System.currentTimeMillis();
        if (now - prunedAt < PRUNE_EVERY_MS) {
            return;
        }
        prunedAt = now;
        try (PreparedStatement ps =
                listener.prepareStatement("delete from webhook_deliveries where at < now() - ? * interval '1 ms'")) {
            ps.setLong(1, config.deliveryRetention().toMillis());
            ps.executeUpdate();
        }
        try (Statement s = listener.createStatement()) {
            s.executeUpdate("""
                    delete from webhook_cursors where webhook_id in (select c.webhook_id from webhook_cursors c
                        where not exists (select 1 from webhooks w where w.id = c.webhook_id) for update skip locked)""");
        }
    }

    private Connection connection() throws SQLException {
        Connection c = workerConnection.get();
        if (c == null || c.isClosed()) {
            c = connections.open(name + " worker", config.timeout().toSeconds() + 60);
            workerConnection.set(c);
            synchronized (workerConnections) {
                workerConnections.add(c);
            }
        }
        return c;
    }

    private void dropConnection() {
        Connection c = workerConnection.get();
        workerConnection.remove();
        closeQuietly(c);
        synchronized (workerConnections) {
            workerConnections.remove(c);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken: nothing more to release
        }
    }
}
