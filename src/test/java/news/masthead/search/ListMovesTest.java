package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
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
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cached list of people, places, quotes or an article's comments depends on the records it shows and on the changes
 * that can move a record into, out of or within it, or rename the slug a filter names (V28, V29): it outlives every
 * other edit, and follows a move made through the API or straight in the database, as another instance would make it.
 */
@QuarkusTest
class ListMovesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SqlStatements statements;

    @Test
    void aPeopleListAndAnArticleListByPersonOutliveAnotherPersonsDescriptionAndFollowTheirNewAlias() {
        String token = "alias" + unique();
        String listed = People.person().aliases(token).create();
        String other = People.person().create();
        String article = Articles.article().personIds(listed).published().create();
        String people = "/api/v1/people?q=" + token;
        String articles = "/api/v1/articles?person=" + listed;
        anonymous().get(people).then().statusCode(200).body("items.id", contains(listed));
        anonymous().get(articles).then().statusCode(200).body("items.id", contains(article));

        patch("/api/v1/people/" + other, Map.of("description", "Spokesperson since spring"));
        assertServedFromMemory(people);
        assertServedFromMemory(articles);
        anonymous()
                .get("/api/v1/people/" + other)
                .then()
                .statusCode(200)
                .body("description", equalTo("Spokesperson since spring"));

        patch("/api/v1/people/" + other, Map.of("aliases", List.of(token)));
        anonymous()
                .get(people)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(listed, other))
                .body("total", equalTo(2));
    }

    @Test
    void aQuoteListBySpeakerSlugFollowsThePersonRenamedToThatSlug() {
        String person = People.person().create();
        String quote = Quotes.quote().speaker(person).create();
        String slug = "renamed-" + unique();
        String url = "/api/v1/quotes?speaker=" + slug;
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()))
                .body("total", equalTo(0));

        patch("/api/v1/people/" + person, Map.of("slug", slug));
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items.id", contains(quote))
                .body("total", equalTo(1));
    }

    @Test
    void anImageListByPersonSlugFollowsThePersonRenamedToThatSlug() {
        String person = People.person().create();
        String image = TestImages.uploaded(TestImages.picture(40, 30, "png"), "image/png");
        patch("/api/v1/images/" + image, Map.of("personIds", List.of(person)));
        String slug = "pictured-" + unique();
        String url = "/api/v1/images?person=" + slug;
        editor().get(url).then().statusCode(200).body("items", equalTo(List.of()));

        patch("/api/v1/people/" + person, Map.of("slug", slug));
        editor().get(url).then().statusCode(200).body("items.id", contains(image));
    }

    @Test
    void aPlaceListOutlivesAnotherPlacesPopulationAndFollowsAParentSetInTheDatabase() throws Exception {
        String country = Places.place().kind("country").create();
        String town = Places.place().kind("town").parent(country).create();
        String elsewhere = Places.place().kind("town").create();
        String url = "/api/v1/places?within=" + country;
        anonymous().get(url).then().statusCode(200).body("items.id", contains(town));

        patch("/api/v1/places/" + elsewhere, Map.of("population", 12000));
        assertServedFromMemory(url);

        // Another instance shares only the database: it writes the row directly, this one is told nothing.
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update places set parent_id = ?::uuid, version = version + 1 where id = ?::uuid")) {
            st.setString(1, country);
            st.setString(2, elsewhere);
            st.executeUpdate();
        }
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(town, elsewhere))
                .body("total", equalTo(2));
    }

    @Test
    void aQuoteListBySpeakerOutlivesAnotherQuotesWordsAndFollowsItsNewSpeakerWhileASearchFollowsEveryText() {
        String token = "word" + unique();
        String speaker = People.person().create();
        String mine = Quotes.quote()
                .speaker(speaker)
                .text("We hold the ridge, " + token)
                .create();
        String other = Quotes.quote().speaker(People.person().create()).create();
        String bySpeaker = "/api/v1/quotes?speaker=" + speaker;
        String search = "/api/v1/quotes?q=" + token;
        anonymous().get(bySpeaker).then().statusCode(200).body("items.id", contains(mine));
        anonymous().get(search).then().statusCode(200).body("items.id", contains(mine));

        patch("/api/v1/quotes/" + other, Map.of("context", "At the morning briefing", "text", "Also " + token));
        assertServedFromMemory(bySpeaker);
        anonymous().get(search).then().statusCode(200).body("items.id", containsInAnyOrder(mine, other));

        patch("/api/v1/quotes/" + other, Map.of("speakerId", speaker));
        anonymous()
                .get(bySpeaker)
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(mine, other))
                .body("total", equalTo(2));
    }

    @Test
    void aCommentLeavesAnotherArticlesCommentsCachedAndADeletionOffThePageRefreshesItsTotal() {
        String article = Articles.article().published().create();
        String other = Articles.article().published().create();
        String first = approved(article);
        String second = approved(article);
        String elsewhere = approved(other);
        String page = "/api/v1/articles/" + article + "/comments?limit=1";
        String others = "/api/v1/articles/" + other + "/comments";
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items.id", contains(first))
                .body("total", equalTo(2));
        anonymous().get(others).then().statusCode(200).body("items.id", contains(elsewhere));

        approved(article);
        assertServedFromMemory(others);
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items.id", contains(first))
                .body("total", equalTo(3));

        // Not on the page: its deletion reaches the page through the article its entry before recorded.
        editor().delete("/api/v1/comments/" + second).then().statusCode(204);
        assertServedFromMemory(others);
        anonymous()
                .get(page)
                .then()
                .statusCode(200)
                .body("items.id", contains(first))
                .body("total", equalTo(2));
    }

    /** A reader's comment on {@code article}, approved; its id. */
    private static String approved(String article) {
        String id = Comments.commentOn(article).create();
        patch("/api/v1/comments/" + id, Map.of("status", "approved"));
        return id;
    }

    private static void patch(String path, Map<String, Object> fields) {
        editor().contentType("application/merge-patch+json")
                .body(fields)
                .patch(path)
                .then()
                .statusCode(200);
    }

    private void assertServedFromMemory(String url) {
        statements.clear();
        anonymous().get(url).then().statusCode(200);
        assertEquals(0, statements.count(), "SQL statements for " + url);
    }
}
