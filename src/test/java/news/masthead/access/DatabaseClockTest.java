package news.masthead.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Whether a scheduled article's time has come is decided by the database's clock, never by the JVM's:
 * instances whose clocks disagree must still agree. The database's clock is moved a day away from the
 * JVM's (the connections put public before pg_catalog on the search path, and public.now() is shifted),
 * so every answer that consulted the JVM's clock comes out differently.
 */
@QuarkusTest
@TestProfile(DatabaseClockTest.ShiftableDatabaseClock.class)
class DatabaseClockTest {

    private static final String NINJS = "application/ninjs+json";

    public static class ShiftableDatabaseClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", "public,pg_catalog");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void anArticleDueByTheDatabaseClockIsVisibleEverywhereThoughTheJvmClockSaysNotYet() throws SQLException {
        shiftDatabaseClock("1 day");
        String id = scheduled(Instant.now().plus(1, ChronoUnit.HOURS));
        String quote = Quotes.quote()
                .text("Clock quote")
                .speaker(person("Clock Speaker " + unique()))
                .article(id)
                .create();

        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + id + "/comments").then().statusCode(200);
        anonymous()
                .accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("usable"))
                .body("embargoed", nullValue());
        editor().accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("usable"))
                .body("embargoed", nullValue());
        anonymous().get("/api/v1/quotes/" + quote).then().statusCode(200).body("articleId", equalTo(id));
        anonymous().get("/api/v1/feeds/articles.json").then().statusCode(200).body("items.id", hasItem(containsId(id)));
    }

    @Test
    void anArticleNotYetDueByTheDatabaseClockIsHiddenEverywhereThoughTheJvmClockSaysItIs() throws SQLException {
        shiftDatabaseClock("-1 day");
        String id = scheduled(Instant.now().minus(1, ChronoUnit.HOURS));
        String quote = Quotes.quote()
                .text("Clock quote")
                .speaker(person("Clock Speaker " + unique()))
                .article(id)
                .create();

        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        anonymous().get("/api/v1/articles/" + id + "/comments").then().statusCode(404);
        anonymous().accept(NINJS).get("/api/v1/articles/" + id).then().statusCode(404);
        editor().accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("withheld"))
                .body("embargoed", not(nullValue()));
        anonymous().get("/api/v1/quotes/" + quote).then().statusCode(200).body("articleId", nullValue());
        anonymous()
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(containsId(id))));
    }

    private static String scheduled(Instant at) {
        return Articles.article()
                .headline("Clock " + unique())
                .scheduled()
                .publishedAt(at)
                .create();
    }

    private static org.hamcrest.Matcher<String> containsId(String id) {
        return org.hamcrest.Matchers.containsString(id);
    }

    /** From now on the database's now() is off by {@code shift} from the real time, and the JVM's clock is not. */
    private void shiftDatabaseClock(String shift) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create or replace function public.now() returns timestamptz language sql stable"
                    + " as $$ select pg_catalog.now() + interval '" + shift + "' $$");
        }
    }
}
