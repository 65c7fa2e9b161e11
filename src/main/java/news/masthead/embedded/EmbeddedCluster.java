package news.masthead.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL cluster in {@code <data-dir>/pg}, owned by this JVM while it runs: the instance lock is
 * taken before anything else, a postmaster left by a killed JVM is stopped, and every connection needs the generated
 * password in {@code <data-dir>/pg-password} (owner-only).
 */
final class EmbeddedCluster implements AutoCloseable {

    static final String PASSWORD_FILE = "pg-password";

    private final InstanceLock lock;
    private final EmbeddedPostgres server;
    private final String password;

    private EmbeddedCluster(InstanceLock lock, EmbeddedPostgres server, String password) {
        this.lock = lock;
        this.server = server;
        this.password = password;
    }

    /** @param port the port to listen on, or 0 for a free one */
    static EmbeddedCluster start(Path dataDir, boolean fresh, boolean durable, int port) {
        InstanceLock lock = InstanceLock.acquire(dataDir);
        Path cluster = dataDir.resolve("pg").toAbsolutePath();
        try {
            if (fresh) {
                deleteRecursively(cluster);
            }
            Files.createDirectories(cluster);
            LeftoverPostmaster.stop(cluster);
            Path passwordFile = dataDir.resolve(PASSWORD_FILE).toAbsolutePath();
            String password = SecretFile.readOrCreate(passwordFile, "");
            String onOff = durable ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setLocaleConfig("locale", "C.UTF-8")
                    // initdb options (zonky passes these as --key=value after its own "-A trust", so they win)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            try {
                PasswordAuth.enforce(server, cluster, password);
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            return new EmbeddedCluster(lock, server, password);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + cluster, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    String password() {
        return password;
    }

    int port() {
        return server.getPort();
    }

    /** Fast shutdown (pg_ctl -m fast), then the lock is released. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.close();
        }
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
