package news.masthead.kernel.sql;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.http.ResponseKeys;
import org.postgresql.jdbc.PgStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read statements on plain JDBC, for the hot read paths. Outside a transaction a statement runs alone, in autocommit:
 * one round trip, no BEGIN, {@code SET LOCAL} or COMMIT, no Hibernate session, and its text comes back as the bytes
 * the server sent. The statement timeout ({@code cms.db.statement-timeout}) is then the driver's query timeout, which
 * cancels the statement the way {@code SET LOCAL statement_timeout} does (SQLState 57014, answered 503). Inside a
 * transaction it runs on the transaction's own connection (the pool hands the same one to Hibernate and to this), so it
 * sees what the transaction sees. Parameters are named ({@code :name}) as in Hibernate's native queries.
 */
@ApplicationScoped
public class Reads {

    /** How a row becomes a value. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** What is done with each row, in order. */
    @FunctionalInterface
    public interface Each {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * SQL expression: a timestamptz as microseconds since the epoch (a bigint), read with {@link #instant(long)}: no
     * text to parse, and compared as a number in Java.
     */
    public static String epochMicros(String timestamptz) {
        return "(extract(epoch from " + timestamptz + ") * 1000000)::bigint";
    }

    /** The instant of a column selected with {@link #epochMicros}. */
    public static Instant instant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }

    /** Parsed statements kept: the hot ones are few, fieldsets and filters make many others, built for each use. */
    private static final int KEPT_STATEMENTS = 512;
    /** How long past the statement timeout a silent socket is still waited for (as {@link StatementTimeout}'s). */
    private static final Duration SOCKET_MARGIN = Duration.ofSeconds(3);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CmsConfig config;

    @Inject
    MeterRegistry registry;

    private final Map<String, Named> parsed = new ConcurrentHashMap<>();
    private Counter statements;

    @PostConstruct
    void init() {
        statements = Counter.builder("masthead.db.read.statements")
                .description("Read statements run on plain JDBC, beside Hibernate's")
                .register(registry);
    }

    /** How many statements have run here: with Hibernate's statistics, all the SQL a request cost. */
    public long statements() {
        return (long) statements.count();
    }

    /** The rows of {@code sql} with these parameters (only those it names are bound). */
    public <T> List<T> list(String sql, Map<String, ?> params, Row<T> row) {
        List<T> rows = new ArrayList<>();
        each(sql, params, rs -> rows.add(row.map(rs)));
        return rows;
    }

    /** Runs {@code sql} with these parameters (only those it names are bound), handing each row to {@code each}. */
    public void each(String sql, Map<String, ?> params, Each each) {
        Named named = named(sql);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(named.sql())) {
            for (int i = 0; i < named.names().size(); i++) {
                String name = named.names().get(i);
                if (!params.containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + sql);
                }
                bind(s, i + 1, params.get(name));
            }
            if (c.getAutoCommit()) {
                bound(c, s);
            }
            statements.increment();
            ResponseKeys.statement();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A read failed: " + e.getMessage(), e); // ProblemMapper reads its SQLState
        }
    }

    /** The one value of a statement that always returns one row. */
    public <T> T single(String sql, Map<String, ?> params, Row<T> row) {
        return list(sql, params, row).get(0);
    }

    /** A statement alone is bounded by the driver: a query timeout, and a socket that stops answering is given up. */
    private void bound(Connection c, PreparedStatement s) throws SQLException {
        Duration timeout = config.db().statementTimeout();
        if (timeout.isZero()) {
            return;
        }
        s.unwrap(PgStatement.class).setQueryTimeoutMs(timeout.toMillis());
        // Reset when the connection goes back to the pool (StatementTimeout#onConnectionReturn).
        c.setNetworkTimeout(Runnable::run, (int) timeout.plus(SOCKET_MARGIN).toMillis());
    }

    private static void bind(PreparedStatement s, int i, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            s.setObject(i, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            s.setString(i, e.name());
        } else {
            s.setObject(i, value);
        }
    }

    private Named named(String sql) {
        Named n = parsed.get(sql);
        if (n == null) {
            n = Named.parse(sql);
            if (parsed.size() < KEPT_STATEMENTS) {
                parsed.put(sql, n);
            }
        }
        return n;
    }

    /** A statement with its {@code :name} parameters turned into JDBC's {@code ?}, and their names in order. */
    record Named(String sql, List<String> names) {

        /** Leaves string literals, quoted identifiers and {@code ::} casts alone. */
        static Named parse(String sql) {
            StringBuilder out = new StringBuilder(sql.length());
            List<String> names = new ArrayList<>();
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == '\'' || c == '"') {
                    int end = sql.indexOf(c, i + 1);
                    end = end < 0
                            ? sql.length()
                            : end + 1; // a doubled quote is two literals side by side: the same text
                    out.append(sql, i, end);
                    i = end;
                } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                    out.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                        end++;
                    }
                    names.add(sql.substring(i + 1, end));
                    out.append('?');
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return new Named(out.toString(), List.copyOf(names));
        }
    }
}
