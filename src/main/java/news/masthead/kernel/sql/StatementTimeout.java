package news.masthead.kernel.sql;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Bounds every statement of a request's transaction ({@code cms.db.statement-timeout}): a query that would run away is
 * cancelled (SQLState 57014, answered 503). Set with SET LOCAL when the pool hands the transaction its connection, so it
 * ends with the transaction; work outside requests (migrations, demo content) is not cut. The same transaction's socket
 * reads give up a few seconds later, so a half-open connection to a vanished server cannot hold a request either; the
 * connection goes back to the pool without that limit, so a long migration statement is not cut by it.
 */
@ApplicationScoped
public class StatementTimeout implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(StatementTimeout.class);
    /** How long past the statement timeout a silent socket is still waited for (the server's cancel takes a moment). */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(3);

    @Inject
    CmsConfig config;

    @Override
    public void onConnectionAcquire(Connection connection) {
        try {
            Duration timeout = config.db().statementTimeout();
            if (timeout.isZero()
                    || connection.getAutoCommit()
                    || !Arc.container().requestContext().isActive()) {
                return;
            }
            try (Statement s = connection.createStatement()) {
                s.execute("set local statement_timeout = " + timeout.toMillis());
            }
            connection.setNetworkTimeout(
                    Runnable::run, (int) timeout.plus(SOCKET_MARGIN).toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the statement timeout", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, 0);
        } catch (SQLException e) {
            // A connection broken by an outage: the pool drops it; failing here would keep it from being returned at
            // all.
            LOG.debugf("Could not reset the socket timeout of a returned connection: %s", e.getMessage());
        }
    }
}
