package news.masthead.embedded;

import java.nio.file.Path;

/**
 * The embedded PostgreSQL server used when no external database is configured: one per JVM, with its cluster in
 * {@code <data-dir>/pg} (see EmbeddedCluster). Survives restarts; a second instance on the same data directory
 * refuses to start instead of touching the first one's server.
 */
public final class EmbeddedDatabase {

    private static EmbeddedCluster cluster;
    /** The port of the first start: a server started again after {@link #stop()} keeps it, so the pool's URL stays right. */
    private static int port;

    private EmbeddedDatabase() {}

    /** Starts the server once per JVM (again after {@link #stop()}, on the same port) and returns its JDBC URL. */
    public static synchronized String start(Path dataDir, boolean fresh, boolean durable) {
        if (cluster == null) {
            cluster = EmbeddedCluster.start(dataDir, fresh, durable, port);
            if (port == 0) {
                port = cluster.port();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
            }
        }
        return cluster.jdbcUrl();
    }

    /** The superuser's password (kept in {@code <data-dir>/pg-password}). */
    public static synchronized String password() {
        return cluster == null ? null : cluster.password();
    }

    public static synchronized boolean running() {
        return cluster != null;
    }

    /** Fast shutdown (pg_ctl -m fast); safe to call twice. */
    public static synchronized void stop() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } finally {
            cluster = null;
        }
    }
}
