package news.masthead.common;

import jakarta.annotation.PreDestroy;
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
 * What {@link ReadCache} checks its entries against: the versions of the data (the largest committed
 * change-feed seq of the content collections, and of comments), the database's clock and the moment
 * the next scheduled article comes due. Comments have their own version because readers post them
 * all day, and a comment changes no article, person, place or quote.
 * <p>
 * Requests that ask at the same time share one read: each waits for a read that started after it
 * asked, so it still sees every write committed before it arrived, on any instance. Under load one
 * statement then answers dozens of requests, and a request served from memory needs no connection.
 */
@ApplicationScoped
public class DataVersion {

    /** A timestamptz as microseconds since the epoch, compared in Java. */
    private static final String MICROS = "(extract(epoch from %s) * 1000000)::bigint";
    private static final String MAX_SEQ = "(select max(seq) from changes where collection = '%s')";
    private static final String READ = "select coalesce(greatest(" + MAX_SEQ.formatted("articles") + ", " + MAX_SEQ.formatted("people")
            + ", " + MAX_SEQ.formatted("places") + ", " + MAX_SEQ.formatted("quotes") + "), 0), coalesce(" + MAX_SEQ.formatted("comments")
            + ", 0), " + MICROS.formatted("now()") + ", coalesce((select " + MICROS.formatted("min(published_at)")
            + " from articles where status = 'scheduled' and published_at > now()), " + Long.MAX_VALUE + ")";

    /** What a value is computed from. */
    public enum Source {
        /** articles, people, places and quotes */
        CONTENT,
        /** the content and comments */
        CONTENT_AND_COMMENTS
    }

    /**
     * @param content       the largest committed change-feed seq of articles, people, places and quotes
     * @param comments      the largest committed change-feed seq of comments
     * @param nowMicros     the database's clock when it was read
     * @param nextDueMicros when the next scheduled article becomes visible ({@link Long#MAX_VALUE}: never)
     */
    public record State(long content, long comments, long nowMicros, long nextDueMicros) {

        public long version(Source source) {
            return source == Source.CONTENT ? content : Math.max(content, comments);
        }
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

    @PreDestroy
    synchronized void stop() {
        if (reader != null) {
            reader.interrupt();
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
            } catch (SQLException e) {
                batch.completeExceptionally(new IllegalStateException("Reading the data version failed", e));
            } catch (Throwable t) { // the waiting requests fail, the reader lives on
                batch.completeExceptionally(t);
            }
        }
    }

    private State query() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(READ); ResultSet rs = s.executeQuery()) {
            rs.next();
            return new State(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }
}
