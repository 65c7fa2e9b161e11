package news.masthead.access;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.articles.ArticleStatus;
import news.masthead.articles.Visibility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The visibility rule is written once in SQL (V12's article_visible and article_embargoed, which every query,
 * trigger and counter calls) and once in Java ({@link Visibility#visible}, {@link Visibility#embargoed}, for rows
 * in memory). Both must give the same answer for every status and every publishedAt around the moment asked about.
 */
@QuarkusTest
class VisibilityRuleTest {

    /** The statuses an article can have, and one it cannot (never visible). */
    private static final List<String> STATUSES = Stream.concat(
                    Arrays.stream(ArticleStatus.values()).map(Enum::name), Stream.of("withdrawn"))
            .toList();

    @Inject
    DataSource dataSource;

    private record Answer(boolean visible, boolean embargoed) {}

    @Test
    void sqlFunctionsAndJavaPredicatesAgreeOnEveryStatusAndTime() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant at = databaseNow(c);
            List<Instant> times = new ArrayList<>(List.of(
                    at.minus(Duration.ofDays(400)),
                    at.minusNanos(1000),
                    at,
                    at.plusNanos(1000),
                    at.plus(Duration.ofDays(400))));
            times.add(null);
            int cases = 0;
            for (String status : STATUSES) {
                for (Instant publishedAt : times) {
                    Answer sql = sql(c, status, publishedAt, at);
                    String name = status + " published " + publishedAt + " asked at " + at;
                    assertEquals(java(status, publishedAt, at), sql, name);
                    assertFalse(sql.visible() && sql.embargoed(), name + ": visible and embargoed at once");
                    if (sql.embargoed()) {
                        assertEquals(
                                new Answer(true, false),
                                sql(c, status, publishedAt, publishedAt),
                                name + ": visible at its time");
                    }
                    cases++;
                }
            }
            assertEquals(30, cases);
        }
    }

    @Test
    void visibleExactlyWhenPublishedOrScheduledAndDue() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant at = databaseNow(c);
            Instant past = at.minusSeconds(60);
            Instant future = at.plusSeconds(60);
            assertEquals(
                    new Answer(true, false),
                    sql(c, "published", future, at),
                    "published is visible whatever its time says");
            assertEquals(new Answer(true, false), sql(c, "published", null, at));
            assertEquals(new Answer(true, false), sql(c, "scheduled", past, at));
            assertEquals(new Answer(true, false), sql(c, "scheduled", at, at), "due at the very moment");
            assertEquals(new Answer(false, true), sql(c, "scheduled", future, at));
            assertEquals(new Answer(false, false), sql(c, "scheduled", null, at), "no time: never due");
            assertEquals(new Answer(false, false), sql(c, "draft", past, at));
            assertEquals(new Answer(false, false), sql(c, "archived", past, at));
            assertEquals(new Answer(false, false), sql(c, "withdrawn", past, at));
            assertTrue(Visibility.visible(ArticleStatus.scheduled, at, at));
            assertFalse(Visibility.visible(null, past, at));
        }
    }

    /**
     * The planner inlines both functions, so a query that calls them is planned on the same indexes as the condition
     * written out: the next article due is a probe of articles_scheduled_idx, and no plan calls a function per row.
     */
    @Test
    void queriesThatCallTheRuleKeepTheirIndexes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local enable_seqscan = off");
            String due = plan(
                    s, "select min(published_at) from articles where article_embargoed(status, published_at, now())");
            assertTrue(due.contains("articles_scheduled_idx") && due.contains("published_at > now()"), due);
            String list = plan(
                    s,
                    "select id from articles e where article_visible(e.status, e.published_at, now())"
                            + " order by e.published_at desc nulls last, e.id desc limit 20");
            assertTrue(list.contains("articles_published_idx"), list);
            String within = plan(
                    s,
                    "select id from places e where e.id in"
                            + " (select s.id from place_subtree('00000000-0000-0000-0000-000000000000') s(id))");
            for (String plan : List.of(due, list, within)) {
                assertFalse(
                        plan.contains("article_visible")
                                || plan.contains("article_embargoed")
                                || plan.contains("place_subtree"),
                        plan);
            }
            c.rollback();
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("explain (costs off) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Answer java(String status, Instant publishedAt, Instant at) {
        ArticleStatus s = Arrays.stream(ArticleStatus.values())
                .filter(v -> v.name().equals(status))
                .findFirst()
                .orElse(null);
        return new Answer(Visibility.visible(s, publishedAt, at), Visibility.embargoed(s, publishedAt, at));
    }

    /** Both functions' answers; each must be true or false, never null. */
    private static Answer sql(Connection c, String status, Instant publishedAt, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select article_visible(s, p, a), article_embargoed(s, p, a)"
                + " from (select cast(? as text) s, cast(? as timestamptz) p, cast(? as timestamptz) a) x")) {
            s.setString(1, status);
            s.setObject(2, publishedAt == null ? null : OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC));
            s.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                boolean visible = rs.getBoolean(1);
                assertFalse(rs.wasNull(), "article_visible is null");
                boolean embargoed = rs.getBoolean(2);
                assertFalse(rs.wasNull(), "article_embargoed is null");
                return new Answer(visible, embargoed);
            }
        }
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select now()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
