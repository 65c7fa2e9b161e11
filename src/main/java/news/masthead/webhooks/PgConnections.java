package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections of the delivery workers, outside the pool: a LISTEN needs a session of its own, and a cursor row stays
 * locked for the length of an HTTP attempt, which must not hold a connection the API's requests are waiting for. If an
 * instance dies, its sessions end and their locks are released; a stuck one loses them after idleLimitSeconds.
 */
@ApplicationScoped
class PgConnections {

    private static final String JDBC_PROPERTIES = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    Connection open(String name, long idleLimitSeconds) throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties props = new Properties();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(JDBC_PROPERTIES)) {
                config.getOptionalValue(key, String.class)
                        .ifPresent(v -> props.setProperty(key.substring(JDBC_PROPERTIES.length()), v));
            }
        }
        config.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(u -> props.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(p -> props.setProperty("password", p));
        props.setProperty("socketTimeout", "30");
        props.setProperty(
                "options",
                "-c statement_timeout=5000 -c idle_in_transaction_session_timeout=" + idleLimitSeconds * 1000);
        props.setProperty("ApplicationName", "masthead " + name);
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("Not a PostgreSQL JDBC URL", "08001");
        }
        return c;
    }
}
