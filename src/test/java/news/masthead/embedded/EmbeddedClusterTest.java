package news.masthead.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded cluster outside Quarkus: password only, one instance per data directory, recovery after a killed JVM. */
class EmbeddedClusterTest {

    @TempDir
    Path dataDir;

    @Test
    void connectionsWithoutThePasswordAreRefused() throws Exception {
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dataDir, false, false, 0)) {
            assertRefused(cluster, null);
            assertRefused(cluster, "not-the-password");
            assertEquals(1, selectOne(cluster, cluster.password()));
            assertEquals("rw-------", permissions(dataDir.resolve(EmbeddedCluster.PASSWORD_FILE)));
            assertEquals(cluster.password() + "\n", Files.readString(dataDir.resolve(EmbeddedCluster.PASSWORD_FILE)));
            assertTrue(PasswordAuth.requiresPassword(Files.readAllLines(dataDir.resolve("pg/pg_hba.conf"))));
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryFailsAndLeavesTheFirstRunning() throws Exception {
        try (EmbeddedCluster first = EmbeddedCluster.start(dataDir, false, false, 0)) {
            String pid =
                    Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0);
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> EmbeddedCluster.start(dataDir, false, false, 0));
            assertTrue(
                    e.getMessage().startsWith("Another Masthead instance is running on " + dataDir.toAbsolutePath()),
                    e.getMessage());
            assertEquals(1, selectOne(first, first.password()));
            assertEquals(
                    pid,
                    Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0));
        }
    }

    @Test
    void aClusterCreatedWithTrustByAnOlderVersionIsLockedDownAndKeepsItsData() throws Exception {
        // What earlier versions created: initdb -A trust, no password.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setLocaleConfig("locale", "C.UTF-8")
                        .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table kept (id int); insert into kept values (42)");
        }
        assertFalse(PasswordAuth.requiresPassword(Files.readAllLines(dataDir.resolve("pg/pg_hba.conf"))));
        try (EmbeddedCluster cluster = EmbeddedCluster.start(dataDir, false, false, 0)) {
            try (Connection c = connect(cluster, cluster.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select id from kept")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            assertTrue(PasswordAuth.requiresPassword(Files.readAllLines(dataDir.resolve("pg/pg_hba.conf"))));
            // pg_reload_conf() signals the postmaster; give it a moment before the new rules must hold.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && accepts(cluster, null)) {
                Thread.sleep(100);
            }
            assertRefused(cluster, null);
        }
    }

    @Test
    void aPostmasterLeftByAKilledJvmIsStoppedAndTheClusterStartsAgain() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dataDir.resolve("child.log");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ClusterHolder.class.getName(),
                        dataDir.toString())
                .redirectError(log.toFile())
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("ready", line, () -> "child JVM: " + read(log));
        }
        long leftover = Long.parseLong(
                Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, its postgres stays up
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(
                ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false),
                "the killed JVM's postgres still runs");

        try (EmbeddedCluster cluster = EmbeddedCluster.start(dataDir, false, false, 0)) {
            assertEquals(1, selectOne(cluster, cluster.password()));
            assertFalse(
                    ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false),
                    "the leftover postgres was stopped");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static Connection connect(EmbeddedCluster cluster, String password) throws SQLException {
        Properties props = new Properties();
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection(cluster.jdbcUrl(), props);
    }

    private static int selectOne(EmbeddedCluster cluster, String password) throws SQLException {
        try (Connection c = connect(cluster, password);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean accepts(EmbeddedCluster cluster, String password) {
        try (Connection c = connect(cluster, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void assertRefused(EmbeddedCluster cluster, String password) {
        assertThrows(
                SQLException.class, () -> connect(cluster, password).close(), "connected with password " + password);
    }
}
