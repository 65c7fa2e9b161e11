package news.masthead.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What {@link ReadCache} checks its entries against: the version of the data (the largest committed
 * change-feed seq), the database's clock and the moment the next scheduled article comes due.
 * <p>
 * Requests that ask at the same time share one read: each waits for a read that started after it
 * asked, so it still sees every write committed before it arrived, on any instance. Under load one
 * statement then answers dozens of requests, and a request served from memory needs no connection.
 */
@ApplicationScoped
public class DataVersion {

    /** A timestamptz as microseconds since the epoch, compared in Java. */
    private static final String MICROS = "(extract(epoch from %s) * 1000000)::bigint";
    private static final String READ = "select coalesce((select max(seq) from changes), 0), " + MICROS.formatted("now()")
            + ", coalesce((select " + MICROS.formatted("min(published_at)")
            + " from articles where status = 'scheduled' and published_at > now()), " + Long.MAX_VALUE + ")";

    /**
     * @param version        the largest committed change-feed seq
     * @param nowMicros      the database's clock when it was read
     * @param nextDueMicros  when the next scheduled article becomes visible ({@link Long#MAX_VALUE}: never)
     */
    public record State(long version, long nowMicros, long nextDueMicros) {
    }

    @Inject
    DataSource dataSource;

    /** The read that requests asking now will share; it starts once the read in progress (if any) ends. */
    private CompletableFuture<State> next;
    private Thread reader;

    public State read() {
        CompletableFuture<State> mine;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
                notifyAll();
            }
            mine = next;
            if (reader == null) {
                reader = new Thread(this::readForever, "data-version");
                reader.setDaemon(true);
                reader.start();
            }
        }
        try {
            return mine.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void readForever() {
        while (true) {
            CompletableFuture<State> batch;
            synchronized (this) {
                while (next == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        reader = null;
                        return;
                    }
                }
                batch = next;
                next = null; // requests arriving from now on wait for the next read
            }
            try {
                batch.complete(query());
            } catch (RuntimeException | SQLException e) {
                batch.completeExceptionally(e instanceof SQLException s ? new IllegalStateException("Reading the data version failed", s) : e);
            }
        }
    }

    private State query() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(READ); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new State(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }
}
