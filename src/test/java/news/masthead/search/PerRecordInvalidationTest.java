package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An edit refreshes the cached pages that show the edited record, and only those: on this instance and, for a write
 * made straight in the database, as another instance would make it.
 */
@QuarkusTest
class PerRecordInvalidationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SqlStatements statements;

    private record Story(String tag, String speaker, String article, String quote, String bystander) {}

    /** A published article about a speaker, quoting them, and a person who has nothing to do with it; all read once. */
    private static Story story() {
        String tag = "invalidation" + unique();
        String speaker = People.person().name("Speaker " + unique()).create();
        String article = Articles.article()
                .headline("Original " + unique())
                .tags(tag)
                .personIds(speaker)
                .published()
                .create();
        String quote = Quotes.quote().speaker(speaker).article(article).create();
        String bystander = People.person().name("Bystander " + unique()).create();
        Story s = new Story(tag, speaker, article, quote, bystander);
        for (String url : pages(s)) {
            anonymous().get(url).then().statusCode(200);
        }
        anonymous().get("/api/v1/people/" + bystander).then().statusCode(200);
        return s;
    }

    /** Every page that shows the story's article, and the path to its headline there. */
    private static Map<String, String> headlines(Story s) {
        return Map.of(
                "/api/v1/articles/" + s.article + "?include=people,quotes", "headline",
                "/api/v1/articles?tag=" + s.tag, "items[0].headline",
                "/api/v1/people/" + s.speaker + "/articles", "items[0].headline",
                "/api/v1/quotes/" + s.quote + "?include=article", "article.headline");
    }

    private static Iterable<String> pages(Story s) {
        return headlines(s).keySet();
    }

    private void assertServedFromMemory(String url) {
        statements.clear();
        anonymous().get(url).then().statusCode(200);
        assertEquals(0, statements.count(), "SQL statements for " + url);
    }

    private static void assertEveryPageShows(Story s, String headline) {
        headlines(s)
                .forEach((url, path) ->
                        anonymous().get(url).then().statusCode(200).body(path, equalTo(headline)));
    }

    @Test
    void anArticleEditRefreshesEveryPageShowingItAndLeavesAnUnrelatedPersonCached() {
        Story s = story();
        editor().body(Map.of("headline", "Edited"))
                .patch("/api/v1/articles/" + s.article)
                .then()
                .statusCode(200);
        assertServedFromMemory("/api/v1/people/" + s.bystander);
        assertEveryPageShows(s, "Edited");
    }

    @Test
    void aWriteMadeStraightInTheDatabaseIsSeenAtOnceAndOnlyWhereItShows() throws Exception {
        Story s = story();
        // Another instance shares only the database: it writes the row directly, this one is told nothing.
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update articles set headline = 'Elsewhere', version = version + 1 where id = ?::uuid")) {
            st.setString(1, s.article);
            st.executeUpdate();
        }
        assertServedFromMemory("/api/v1/people/" + s.bystander);
        assertEveryPageShows(s, "Elsewhere");
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update people set name = 'Renamed', version = version + 1 where id = ?::uuid")) {
            st.setString(1, s.speaker);
            st.executeUpdate();
        }
        anonymous().get("/api/v1/people/" + s.speaker).then().statusCode(200).body("name", equalTo("Renamed"));
        anonymous()
                .get("/api/v1/articles/" + s.article + "?include=people,quotes")
                .then()
                .statusCode(200)
                .body("people[0].name", equalTo("Renamed"));
    }

    @Test
    void aQuoteNewlyAttachedToAnArticleAppearsInItsCachedCopy() {
        Story s = story();
        String url = "/api/v1/articles/" + s.article + "?include=people,quotes";
        String added = Quotes.quote().speaker(s.bystander).article(s.article).create();
        anonymous().get(url).then().statusCode(200).body("quotes.id", hasItem(added));
        assertServedFromMemory(url);
    }

    @Test
    void aCommentLeavesEveryContentPageCached() {
        Story s = story();
        news.masthead.fixtures.Comments.commentOn(s.article)
                .authorName("Reader")
                .authorEmail("reader@example.org")
                .body("Well put.")
                .create();
        assertServedFromMemory("/api/v1/articles/" + s.article + "?include=people,quotes");
        assertServedFromMemory("/api/v1/articles?tag=" + s.tag);
    }
}
