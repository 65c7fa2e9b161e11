package news.masthead.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Password (SCRAM) authentication for every connection to the embedded cluster, over TCP and the Unix socket alike.
 * New clusters get it from initdb; clusters created by older versions (trust: any local user was superuser without
 * a password) are upgraded on start: the superuser gets the generated password, then pg_hba.conf is rewritten.
 */
final class PasswordAuth {

    static final String PG_HBA = """
            # Written by Masthead: every connection authenticates with the password in <data-dir>/pg-password.
            local all         all                scram-sha-256
            host  all         all  127.0.0.1/32  scram-sha-256
            host  all         all  ::1/128       scram-sha-256
            local replication all                scram-sha-256
            host  replication all  127.0.0.1/32  scram-sha-256
            host  replication all  ::1/128       scram-sha-256
            """;

    private PasswordAuth() {}

    /** True when every rule of this pg_hba.conf asks for a SCRAM password. */
    static boolean requiresPassword(List<String> pgHba) {
        return pgHba.stream()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .allMatch(l -> List.of(l.split("\\s+")).contains("scram-sha-256"));
    }

    /** Upgrades a cluster that lets anyone in; a no-op on one that already requires the password. */
    static void enforce(EmbeddedPostgres server, Path cluster, String password) throws IOException {
        Path hba = cluster.resolve("pg_hba.conf");
        if (requiresPassword(Files.readAllLines(hba))) {
            return;
        }
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("The embedded PostgreSQL password must be base64url text");
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role postgres password '" + password + "'");
            SecretFile.write(hba, PG_HBA);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the password of the embedded PostgreSQL in " + cluster, e);
        }
    }
}
