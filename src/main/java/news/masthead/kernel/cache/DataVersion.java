package news.masthead.kernel.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.Reads;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What {@link ReadCache} checks its entries against: the largest committed change-feed seq, with what each
 * change since the last read touched ({@link ChangedKeys}), the database's clock and the moment the next
 * embargoed article comes due (V12's article_embargoed).
 * <p>
 * Requests that ask at the same time share one read: each waits for a read that started after it
 * asked, so it still sees every write committed before it arrived, on any instance. Under load one
 * statement then answers dozens of requests, and a request served from memory needs no connection.
 * The reader has a connection of its own, so that it runs however many requests hold pooled ones.
 */
@ApplicationScoped
public class DataVersion {

    /** The largest committed seq (V3: committed seqs form a prefix), the clock, the next embargo's end. */
    private static final String READ =
            "select coalesce((select max(seq) from changes), 0), " + Reads.epochMicros("now()")
                    + ", coalesce((select " + Reads.epochMicros("min(published_at)")
                    + " from articles where article_embargoed(status, published_at, now())), " + Long.MAX_VALUE + ")";

    /**
     * @param seq           the largest committed change-feed seq
     * @param nowMicros     the database's clock when it was read
     * @param nextDueMicros when the next scheduled article becomes visible ({@link Long#MAX_VALUE}: never)
     */
    public record State(long seq, long nowMicros, long nextDueMicros) {}

    private static final String READ_FOR_REQUEST = DataVersion.class.getName() + ".read";

    private static final Logger LOG = Logger.getLogger(DataVersion.class);
    private static final String JDBC_PROPERTIES = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    CmsConfig cms;

    @Inject
    MeterRegistry registry;

    private Counter reads;

    @PostConstruct
    void init() {
        reads = Counter.builder("masthead.data.version.reads")
                .description("Data-version reads, each shared by the requests that asked while it was pending")
                .register(registry);
    }

    /** The read that requests asking now will share; it starts once the read in progress (if any) ends. */
    private final AtomicReference<SharedRead> next = new AtomicReference<>();

    /** The read in progress, if any. */
    private volatile SharedRead reading;

    private Thread reader;
    /** Fails reads older than the wait: one timer for all reads, not one scheduled and cancelled per read. */
    private ScheduledExecutorService watchdog;
    /** The reader's own connection, outside the pool: a pool emptied by requests cannot keep the read from running. */
    private Connection connection;

    private boolean failing;

    /** What changed, by surrogate key, up to the last seq read: brought up to date before a read is handed out. */
    private final ChangedKeys changed = new ChangedKeys();

    /**
     * The state of a read that starts after this call, or the one already read for this request ({@link #readFor}). Never call it while holding a pooled connection (see
     * {@link ReadCache#pinned}); waits at most {@code cms.db.version-wait}, then 503.
     */
    public State read() {
        Context request = Vertx.currentContext();
        if (request != null && request.getLocal(READ_FOR_REQUEST) instanceof State read) {
            return read;
        }
        try {
            return next().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new ApiException.Unavailable("The database did not answer in time; retry shortly.", 2);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("Interrupted while reading the data version.", 1);
        }
    }

    /**
     * Hands a state read after the request arrived (by {@code request}, its Vert.x context) to the rest of its handling:
     * its {@link #read}s return that state instead of waiting for another read.
     */
    public static void readFor(Context request, State state) {
        request.putLocal(READ_FOR_REQUEST, state);
    }

    /**
     * As {@link #read}, without waiting: completed by the data-version reader, or with a {@link TimeoutException}
     * once its first request has waited {@code cms.db.version-wait} (by the watchdog, within a tenth of the wait more).
     */
    public CompletableFuture<State> next() {
        CompletableFuture<State> shared = next.get(); // no lock: the reader takes it before its read starts
        return shared != null ? shared : newRead();
    }

    /** The first request after a read started asks for the next one: once a read, not once a request. */
    private synchronized CompletableFuture<State> newRead() {
        SharedRead shared = next.get();
        if (shared == null) {
            shared = new SharedRead();
            next.set(shared);
            notifyAll();
        }
        if (reader == null) {
            reader = new Thread(this::readForever, "data-version");
            reader.setDaemon(true);
            reader.start();
        }
        if (watchdog == null) {
            long wait = cms.db().versionWait().toNanos();
            // A tenth of the wait, at most 100 ms: a read is failed between the wait and 1.1 times it.
            long tick = Math.max(1_000_000, Math.min(wait / 10, 100_000_000));
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "data-version-watchdog");
                t.setDaemon(true);
                return t;
            });
            watchdog.scheduleWithFixedDelay(() -> expire(wait), tick, tick, TimeUnit.NANOSECONDS);
        }
        return shared;
    }

    /** Fails the pending read and the read in progress once their first request has waited {@code wait}. */
    private void expire(long wait) {
        long now = System.nanoTime();
        for (SharedRead read : new SharedRead[] {next.get(), reading}) {
            if (read != null && now - read.since > wait) {
                read.completeExceptionally(new TimeoutException());
            }
        }
    }

    /** A read shared by the requests that asked while it was pending, and when the first of them asked. */
    private static final class SharedRead extends CompletableFuture<State> {
        final long since = System.nanoTime();
    }

    /** Whether a value computed at {@code seq} from the records named by {@code keys} is current (see {@link ChangedKeys}). */
    boolean current(long seq, Collection<String> keys) {
        return changed.current(seq, keys);
    }

    @PreDestroy
    synchronized void stop() {
        if (reader != null) {
            reader.interrupt();
        }
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
    }

    private void readForever() {
        try {
            while (true) {
                SharedRead batch;
                synchronized (this) {
                    while (next.get() == null) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            reader = null;
                            return;
                        }
                    }
                    batch = next.getAndSet(null); // requests arriving from now on wait for the next read
                    reading = batch;
                }
                try {
                    reads.increment();
                    batch.complete(query());
                    if (failing) {
                        LOG.info("Reading the data version works again");
                        failing = false;
                    }
                } catch (SQLException e) {
                    if (!failing) {
                        LOG.warnf("Reading the data version failed: %s (SQLState %s)", e.getMessage(), e.getSQLState());
                        failing = true;
                    }
                    batch.completeExceptionally(
                            new ApiException.Unavailable("The database is unavailable; retry shortly.", 5));
                } catch (Throwable t) { // the waiting requests fail, the reader lives on
                    batch.completeExceptionally(t);
                } finally {
                    reading = null;
                }
            }
        } finally {
            close();
        }
    }

    /** Reads on the reader's connection; one that broke (e.g. the server restarted) is replaced and the read tried again, once. */
    private State query() throws SQLException {
        boolean fresh = connection == null;
        try {
            if (connection == null) {
                connection = open();
            }
            try (PreparedStatement s = connection.prepareStatement(READ);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                State state = new State(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                changed.advance(connection, state.seq());
                return state;
            }
        } catch (SQLException e) {
            close();
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (fresh || !(state.startsWith("08") || state.startsWith("57P"))) {
                throw e;
            }
            return query();
        }
    }

    /**
     * With the pool's driver properties (connect, login and socket timeouts, TCP keepalive), a socket timeout just past the
     * statement timeout, so that a half-open connection is given up within seconds.
     */
    private Connection open() throws SQLException {
        Properties props = new Properties();
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(JDBC_PROPERTIES)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(v -> props.setProperty(name.substring(JDBC_PROPERTIES.length()), v));
            }
        }
        username.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty(
                "socketTimeout", Long.toString(cms.db().statementTimeout().toSeconds() + 3));
        props.setProperty(
                "options", "-c statement_timeout=" + cms.db().statementTimeout().toMillis());
        props.setProperty("ApplicationName", "masthead data-version");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL", "08001");
        }
        return c;
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the data-version connection failed", e);
            }
            connection = null;
        }
    }
}
