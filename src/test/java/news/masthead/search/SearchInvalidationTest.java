package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.kernel.cache.ReadCache;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cached search depends on the entries of its own words in the articles' search vectors (V27), not on every edit of
 * every article: it outlives edits of other words, and follows, on any instance, an edit that adds, removes or
 * reweighs one of its words. A phrase depends on positions, so it follows every edit of articles' text.
 */
@QuarkusTest
class SearchInvalidationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SqlStatements statements;

    static void edit(String article, Map<String, Object> fields) {
        editor().body(fields).patch("/api/v1/articles/" + article).then().statusCode(200);
    }

    private void assertServedFromMemory(String url) {
        statements.clear();
        anonymous().get(url).then().statusCode(200);
        assertEquals(0, statements.count(), "SQL statements for " + url);
    }

    private static void assertFinds(String url, String... ids) {
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items.id", ids.length == 0 ? empty() : contains(ids))
                .body("total", equalTo(ids.length));
    }

    private static String wordApartFrom(String... others) {
        while (true) {
            String word = "searched" + unique();
            if (Arrays.stream(others).map(ReadCache::articleWord).noneMatch(ReadCache.articleWord(word)::equals)) {
                return word;
            }
        }
    }

    @Test
    void aSearchOutlivesEditsOfOtherWordsAndFollowsEditsOfItsOwn() throws Exception {
        String other = "unsearched" + unique();
        // Kept in buckets, a word shares its changes with others (ReadCache.articleWord): not with the edited ones
        // here.
        String word = wordApartFrom("nothing", "to", "find", "here", "still", "only", "about", other);
        String inHeadline =
                Articles.article().headline("About " + word).published().create();
        String bystander = Articles.article()
                .headline("About " + other)
                .standfirst("Nothing to find here")
                .published()
                .create();
        String search = "/api/v1/articles?q=" + word;
        assertFinds(search, inHeadline);

        edit(bystander, Map.of("standfirst", "Still only about " + other)); // words it does not search
        edit(bystander, Map.of("byline", "Night desk")); // no words at all
        assertServedFromMemory(search);

        edit(bystander, Map.of("standfirst", "Now also about " + word)); // a match, weighed below a headline
        assertFinds(search, inHeadline, bystander);

        edit(bystander, Map.of("headline", "All about " + word)); // the same match, reweighed: ranks first now
        assertFinds(search, bystander, inHeadline);

        // Another instance shares only the database: it takes the word out of an article's headline.
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update articles set headline = 'About nothing', version = version + 1 where id = ?::uuid")) {
            st.setString(1, inHeadline);
            st.executeUpdate();
        }
        assertFinds(search, bystander);
    }

    @Test
    void aPhraseFollowsAnEditThatOnlyMovesItsWords() {
        String first = "first" + unique();
        String second = "second" + unique();
        String article = Articles.article()
                .headline("Phrases " + unique())
                .standfirst(first + " then " + second)
                .published()
                .create();
        String phrase = "/api/v1/articles?q=\"" + first + " " + second + "\"";
        assertFinds(phrase);

        // The same words with the same weights, in another order: only their positions change.
        edit(article, Map.of("standfirst", "then " + first + " " + second));
        assertFinds(phrase, article);
    }

    @Test
    void aSearchOfTwoWordsEitherOfWhichFollowsEditsOfBoth() {
        String one = "either" + unique();
        String two = "or" + unique();
        String article =
                Articles.article().headline("Neither " + unique()).published().create();
        String search = "/api/v1/articles?q=" + one + " or " + two;
        assertFinds(search);

        edit(article, Map.of("standfirst", "Mentions " + two));
        assertFinds(search, article);
    }
}
