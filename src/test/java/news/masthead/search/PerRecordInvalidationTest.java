package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Quotes;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
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

    /**
     * A list in publication order depends on the articles it shows and on changes that move articles in such lists (V21):
     * it outlives edits of the others' text, and follows a move made on any instance.
     */
    @Test
    void aListByPublicationOutlivesEditsThatMoveNothingInItAndFollowsThoseThatDo() throws Exception {
        String tag = "listed" + unique();
        String shown = Articles.article()
                .headline("Shown")
                .tags(tag)
                .published()
                .publishedAt("2025-05-02T08:00:00Z")
                .create();
        String older = Articles.article()
                .headline("Older")
                .tags(tag)
                .published()
                .publishedAt("2025-05-01T08:00:00Z")
                .create();
        String elsewhere = Articles.article()
                .headline("Elsewhere")
                .tags("other" + unique())
                .published()
                .create();
        String page = "/api/v1/articles?limit=1&tag=" + tag;
        String byUpdate = "/api/v1/articles?limit=1&sort=-updatedAt&tag=" + tag;
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(shown))
                .body("total", equalTo(2));
        anonymous().get(byUpdate).then().statusCode(200).body("items[0].id", equalTo(older));

        edit(older, Map.of("headline", "Older, edited")); // in the list, off the page, not moved
        String word = "listedword" + unique();
        String search = "/api/v1/articles?sort=-publishedAt&q=" + word; // in publication order, but by its words
        anonymous().get(search).then().statusCode(200).body("items", hasSize(0));
        edit(elsewhere, Map.of("standfirst", "Not in the list but about " + word));
        anonymous().get(search).then().statusCode(200).body("items[0].id", equalTo(elsewhere));
        assertServedFromMemory(page);
        anonymous().get(byUpdate).then().statusCode(200).body("items[0].id", equalTo(older)); // moved in that order

        // Another instance writes straight in the database: a later publication time takes the article to the top.
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("update articles set published_at = '2025-05-03T08:00:00Z',"
                        + " version = version + 1 where id = ?::uuid")) {
            st.setString(1, older);
            st.executeUpdate();
        }
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(older))
                .body("items[0].headline", equalTo("Older, edited"));

        edit(elsewhere, Map.of("tags", List.of(tag))); // joins the list
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(elsewhere))
                .body("total", equalTo(3));
    }

    /**
     * An image record and a quote whose article is hidden follow the visibility of articles (their moves, V20), not their
     * text: an edit of an article's words leaves them cached; publishing the quote's article shows it at once.
     */
    @Test
    void anImageAndAQuoteOfAHiddenArticleOutliveEditsOfArticlesWordsAndFollowAPublication() {
        String image = TestImages.uploaded(TestImages.picture(160, 90, "jpeg"), "image/jpeg");
        String user = Articles.article()
                .headline("Leads with it " + unique())
                .with("leadImage", Map.of("imageId", image))
                .published()
                .create();
        String draft = Articles.article().headline("Not yet " + unique()).create();
        String speaker = People.person().name("Early " + unique()).create();
        String quote = Quotes.quote().speaker(speaker).article(draft).create();
        anonymous().get("/api/v1/images/" + image).then().statusCode(200);
        anonymous().get("/api/v1/images/" + image + "/file?w=160").then().statusCode(200);
        anonymous().get("/api/v1/quotes/" + quote).then().statusCode(200).body("articleId", equalTo(null));

        edit(user, Map.of("headline", "Leads with it, edited"));
        edit(draft, Map.of("standfirst", "Still a draft"));
        assertServedFromMemory("/api/v1/images/" + image);
        assertServedFromMemory("/api/v1/quotes/" + quote);

        edit(draft, Map.of("status", "published"));
        anonymous().get("/api/v1/quotes/" + quote).then().statusCode(200).body("articleId", equalTo(draft));
    }

    private static void edit(String article, Map<String, Object> fields) {
        editor().body(fields).patch("/api/v1/articles/" + article).then().statusCode(200);
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
