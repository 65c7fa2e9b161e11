package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public read names, in Surrogate-Key, the records it shows: the keys webhooks carry, for a CDN to purge by. */
@QuarkusTest
class SurrogateKeyTest {

    @Inject
    SqlStatements statements;

    private record World(String tag, String person, String place, String article, String related, String quote) {}

    private static World world() {
        String tag = "keys" + unique();
        String person = People.person().name("Keyed " + unique()).create();
        String place = Places.place().name("Keyed " + unique()).kind("city").create();
        String related = Articles.article().published().create();
        String article = Articles.article()
                .tags(tag)
                .personIds(person)
                .placeIds(place)
                .published()
                .create();
        String quote = Quotes.quote().speaker(person).article(article).create();
        editor().body(fields(
                        "body",
                        List.of(
                                fields("type", "paragraph", "text", "Said:"),
                                fields("type", "quote", "quoteId", quote),
                                fields("type", "related", "articleId", related))))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        return new World(tag, person, place, article, related, quote);
    }

    private static Set<String> keys(Response response) {
        String header = response.then().statusCode(200).extract().header("Surrogate-Key");
        return Set.of(header.split(" "));
    }

    private static void assertKeys(Set<String> actual, String... expected) {
        assertTrue(actual.containsAll(List.of(expected)), "expected " + List.of(expected) + " in " + actual);
    }

    @Test
    void anArticleNamesItselfAndEveryRecordItShows() {
        World w = world();
        String url = "/api/v1/articles/" + w.article + "?include=people,places,quotes";
        assertEquals(
                Set.of(
                        "article:" + w.article,
                        "article:" + w.related,
                        "person:" + w.person,
                        "place:" + w.place,
                        "quote:" + w.quote),
                keys(anonymous().get(url)));
        // the same keys when served from memory, for editors too
        assertEquals(keys(anonymous().get(url)), keys(editor().get(url)));
    }

    @Test
    void listsNameTheirCollectionAndTheirItems() {
        World w = world();
        Set<String> list = keys(anonymous().get("/api/v1/articles?tag=" + w.tag));
        assertKeys(list, "articles", "article:" + w.article, "person:" + w.person, "place:" + w.place);
        assertKeys(keys(anonymous().get("/api/v1/people")), "people");
        assertKeys(keys(anonymous().get("/api/v1/places")), "places");
        assertKeys(
                keys(anonymous().get("/api/v1/quotes?article=" + w.article)),
                "quotes",
                "quote:" + w.quote,
                "person:" + w.person,
                "article:" + w.article);
        assertKeys(
                keys(anonymous().get("/api/v1/people/" + w.person + "/articles")), "articles", "article:" + w.article);
        String comment = Comments.commentOn(w.article)
                .authorName("Reader")
                .authorEmail("reader@example.org")
                .body("Keyed.")
                .create();
        editor().body(fields("status", "approved"))
                .patch("/api/v1/comments/" + comment)
                .then()
                .statusCode(200);
        assertKeys(
                keys(anonymous().get("/api/v1/articles/" + w.article + "/comments")),
                "comments",
                "comment:" + comment,
                "article:" + w.article);
    }

    @Test
    void recordsQuotesFeedsAndNinjsNameWhatTheyShow() {
        World w = world();
        assertEquals(Set.of("person:" + w.person), keys(anonymous().get("/api/v1/people/" + w.person)));
        assertEquals(Set.of("place:" + w.place), keys(anonymous().get("/api/v1/places/" + w.place)));
        assertKeys( // the included article shows its place and related article too
                keys(anonymous().get("/api/v1/quotes/" + w.quote + "?include=speaker,article")),
                "quote:" + w.quote,
                "person:" + w.person,
                "article:" + w.article,
                "place:" + w.place,
                "article:" + w.related);
        assertKeys(
                keys(anonymous().get("/api/v1/feeds/articles.atom?tag=" + w.tag)), "articles", "article:" + w.article);
        assertKeys(
                keys(anonymous().get("/api/v1/feeds/articles.json?tag=" + w.tag)), "articles", "article:" + w.article);
        assertKeys(
                keys(anonymous().accept("application/ninjs+json").get("/api/v1/articles/" + w.article)),
                "article:" + w.article,
                "person:" + w.person,
                "place:" + w.place);
    }

    @Test
    void aMatchingConditionalReadCostsNoStatementAndKeepsItsKeys() {
        World w = world();
        for (String url : List.of(
                "/api/v1/articles/" + w.article + "?include=people,places,quotes",
                "/api/v1/articles/" + w.article,
                "/api/v1/articles?tag=" + w.tag,
                "/api/v1/people/" + w.person,
                "/api/v1/places/" + w.place,
                "/api/v1/quotes/" + w.quote,
                "/api/v1/feeds/articles.atom?tag=" + w.tag)) {
            Response first = anonymous().get(url);
            String etag = first.then().statusCode(200).extract().header("ETag");
            String keys = first.header("Surrogate-Key");
            statements.clear();
            anonymous()
                    .header("If-None-Match", etag)
                    .get(url)
                    .then()
                    .statusCode(304)
                    .header("Surrogate-Key", keys)
                    .header("Cache-Control", "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400");
            assertEquals(0, statements.count(), "SQL statements for a 304 of " + url);
        }
    }
}
