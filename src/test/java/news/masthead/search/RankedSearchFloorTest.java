package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.unique;
import static news.masthead.search.BoundedListsTest.articles;
import static news.masthead.search.SearchInvalidationTest.edit;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A ranked search whose walk stopped at its limit (its total an estimate) cannot change when an article older than the
 * walk's last row changes its words: it is served from memory through such edits, and still follows every edit inside
 * its walk. With the limits of {@link BoundedListsTest} a ranked walk takes the 6 newest matches (the search total's
 * cap + 1) and ranks the newest 3.
 */
@QuarkusTest
@TestProfile(BoundedListsTest.SmallLimits.class)
class RankedSearchFloorTest {

    /** What reading a ranked page past its cap takes: its statement, and its estimate's EXPLAIN. */
    private static final String READ_AGAIN = "the page's statement and its estimate's EXPLAIN";

    @Inject
    SqlStatements statements;

    @Inject
    AgroalDataSource dataSource;

    /** What another instance sharing only the database does: it retitles an article. */
    private void retitleElsewhere(String article, String headline) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update articles set headline = ?, version = version + 1 where id = ?::uuid")) {
            st.setString(1, headline);
            st.setString(2, article);
            st.executeUpdate();
        }
    }

    private static void assertRanks(String url, String... ids) {
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder((Object[]) ids))
                .body("totalIsEstimate", equalTo(true));
    }

    @Test
    void aRankedPageOutlivesWordEditsOfArticlesOlderThanItsWalk() {
        String word = "floored" + unique();
        List<String> ids = articles(word, 9); // the walk takes 3-8
        String search = "/api/v1/articles?limit=10&q=" + word;
        assertRanks(search, ids.get(6), ids.get(7), ids.get(8));

        edit(ids.get(0), Map.of("standfirst", "Also about " + word)); // reweighs the word, below the walk
        edit(ids.get(1), Map.of("headline", "Story one, retitled")); // takes the word out, below the walk
        assertEquals(0, statements.during(() -> anonymous().get(search).then().statusCode(200)), "served from memory");

        edit(ids.get(4), Map.of("headline", "Story four, retitled")); // inside the walk, not ranked: the walk changes
        assertEquals(2, statements.during(() -> assertRanks(search, ids.get(6), ids.get(7), ids.get(8))), READ_AGAIN);

        edit(ids.get(8), Map.of("headline", "Story eight, retitled")); // ranked
        assertRanks(search, ids.get(5), ids.get(6), ids.get(7));
    }

    @Test
    void aRankedPageUnderItsCapFollowsEditsOfEveryArticle() {
        String word = "counted" + unique();
        List<String> ids = articles(word, 5); // the oldest loses the word: the others are all walked, total exact
        edit(ids.get(0), Map.of("headline", "Story zero, retitled"));
        String search = "/api/v1/articles?limit=10&q=" + word;
        anonymous().get(search).then().statusCode(200).body("total", equalTo(4));

        // Older than every match: below what the walk saw, yet it changes the exact total.
        edit(ids.get(0), Map.of("standfirst", "Back to " + word));
        anonymous().get(search).then().statusCode(200).body("total", equalTo(5));
    }

    @Test
    void aRankedPageFollowsAnEditInsideItsWalkHoweverManyOlderEditsFollowIt() {
        String word = "horizon" + unique();
        List<String> ids = articles(word, 14); // the walk takes 8-13
        String search = "/api/v1/articles?limit=10&q=" + word;
        assertRanks(search, ids.get(11), ids.get(12), ids.get(13));

        // Inside the walk and not shown (so only the word's history says that the page is older): the walk changes.
        edit(ids.get(9), Map.of("headline", "Story nine, retitled"));
        // Eight edits below the walk, each older than the one before: the word's history keeps eight changes, so the
        // edit inside the walk is dropped from it and only its seq remains to say that the page is older.
        for (int i = 7; i >= 0; i--) {
            edit(ids.get(i), Map.of("standfirst", "Also about " + word));
        }
        assertEquals(
                2, statements.during(() -> assertRanks(search, ids.get(11), ids.get(12), ids.get(13))), READ_AGAIN);
    }

    @Test
    void anotherInstancesEditsAreJudgedByTheSameFloor() throws SQLException {
        String word = "shared" + unique();
        List<String> ids = articles(word, 8); // the walk takes 2-7
        String search = "/api/v1/articles?limit=10&q=" + word;
        assertRanks(search, ids.get(5), ids.get(6), ids.get(7));

        retitleElsewhere(ids.get(0), "Story zero, retitled elsewhere"); // below the walk
        assertEquals(0, statements.during(() -> anonymous().get(search).then().statusCode(200)), "served from memory");

        retitleElsewhere(ids.get(3), "Story three, retitled elsewhere"); // inside the walk, not ranked
        assertEquals(2, statements.during(() -> assertRanks(search, ids.get(5), ids.get(6), ids.get(7))), READ_AGAIN);
    }
}
