package news.masthead.search;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Quotes;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Includes cost a constant number of SQL statements, whatever the page size (no N+1). */
@QuarkusTest
class StatementCountTest {

    private static final String TAG = "stmt" + unique();
    private static final String PICTURED = "stmtimg" + unique();
    private static final String PLAIN = "stmtnoimg" + unique();

    @Inject
    SqlStatements statements;

    private static boolean seeded;
    private static final List<String> people = new ArrayList<>();
    private static String placeId;

    @BeforeEach
    void hundredArticlesWithPeopleQuotesAndPlaces() {
        if (seeded) {
            return;
        }
        seeded = true;
        for (int i = 0; i < 3; i++) {
            people.add(person("Counted Person " + unique()));
        }
        placeId = place("Counted Place " + unique(), "town", null);
        for (int i = 0; i < 100; i++) {
            String a = Articles.article()
                    .headline("Counted " + i)
                    .published()
                    .with("tags", List.of(TAG))
                    .personIds(people.get(i % 3), people.get((i + 1) % 3))
                    .placeIds(placeId)
                    .post()
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Quotes.quote()
                    .text("Quote " + i)
                    .speaker(people.get(i % 3))
                    .article(a)
                    .post()
                    .then()
                    .statusCode(201);
        }
        for (int i = 0; i < 10; i++) {
            String lead = image();
            Articles.article()
                    .headline("Pictured " + i)
                    .published()
                    .tags(PICTURED)
                    .with("leadImage", Map.of("imageId", lead))
                    .body(List.of(Map.of("type", "image", "imageId", image(), "caption", "Block " + i)))
                    .create();
            Articles.article()
                    .headline("Plain " + i)
                    .published()
                    .tags(PLAIN)
                    .body(List.of(Map.of("type", "paragraph", "text", "No picture " + i)))
                    .create();
        }
    }

    private static String image() {
        return TestImages.uploaded(TestImages.picture(160, 90, "jpeg"), "image/jpeg");
    }

    /** Statements of a first request (so nothing of it is cached yet, see ReadCacheTest). */
    private long statements(String url, int expectedItems) {
        statements.clear();
        anonymous().get(url).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(expectedItems));
        return statements.count();
    }

    private static int total(String url) {
        return anonymous().get(url).then().statusCode(200).extract().path("total");
    }

    @Test
    void anArticlePageIsWalkedAndRenderedByOneStatement() {
        String base = "/api/v1/articles?tag=" + TAG + "&total=false&limit=";
        assertEquals(1, statements(base + 7, 7), "a page with a next page");
        assertEquals(1, statements(base + 100 + "&fields=headline", 100), "the last page, sparse");
    }

    @Test
    void anArticlePagesTotalFromTheCountersIsReadByThePagesStatement() {
        assertEquals(1, statements("/api/v1/articles?tag=" + TAG + "&limit=7", 7), "a page and its total");
        assertEquals(100, total("/api/v1/articles?tag=" + TAG + "&limit=7"));
        // No row carries the total of a tag nothing has: a second statement counts it.
        assertEquals(2, statements("/api/v1/articles?tag=none" + unique(), 0), "an empty page and its total");
        assertEquals(0, total("/api/v1/articles?tag=none" + unique()));
    }

    @Test
    void aRankedSearchIsWalkedRankedAndCountedByOneStatement() {
        String search = "/api/v1/articles?q=counted&limit=";
        anonymous().get(search + 3).then().statusCode(200); // reads the query's words once (SearchWords)
        assertEquals(1, statements(search + 7, 7), "a ranked page and its total");
        assertEquals(total("/api/v1/articles?q=counted&sort=-publishedAt&limit=7"), total(search + 7));
    }

    /** A person or place named by slug is resolved by the page's statement: no lookup first. */
    @Test
    void aListByPersonOrPlaceSlugIsWalkedResolvedAndCountedByOneStatement() {
        String person =
                editor().get("/api/v1/people/" + people.get(0)).then().extract().path("slug");
        String place =
                editor().get("/api/v1/places/" + placeId).then().extract().path("slug");
        assertEquals(1, statements("/api/v1/articles?person=" + person + "&limit=5", 5), "by person");
        assertEquals(1, statements("/api/v1/articles?place=" + place + "&limit=5", 5), "by place");
        assertEquals(67, total("/api/v1/articles?person=" + person + "&limit=5"));
        assertEquals(100, total("/api/v1/articles?place=" + place + "&limit=5"));
        // An unknown slug matches nothing; its total of 0 is counted by a second statement, as for an empty tag.
        String nobody = "/api/v1/articles?person=nobody-" + unique();
        assertEquals(2, statements(nobody, 0), "an unknown person's empty page and its total");
        assertEquals(0, total(nobody));
    }

    @Test
    void articleIncludesAreConstantFromOneToAHundredItems() {
        String base = "/api/v1/articles?tag=" + TAG + "&include=people,places,quotes&total=false&limit=";
        long one = statements(base + 1, 1);
        long hundred = statements(base + 100, 100);
        assertEquals(one, hundred, "statements for 1 item vs 100 items");
    }

    @Test
    void includeImagesCostsTheSameWithOrWithoutImagesAndForOneOrTenArticles() {
        String query = "&include=images&total=false&limit=";
        long plain = statements("/api/v1/articles?tag=" + PLAIN + query + 10, 10);
        long one = statements("/api/v1/articles?tag=" + PICTURED + query + 1, 1);
        long ten = statements("/api/v1/articles?tag=" + PICTURED + query + 10, 10);
        assertEquals(
                plain,
                ten,
                "statements for 10 articles without images vs 10 with a lead image and an image block each");
        assertEquals(one, ten, "statements for 1 pictured article vs 10");
        anonymous()
                .get("/api/v1/articles?tag=" + PICTURED + "&include=images&limit=10")
                .then()
                .statusCode(200)
                .body("items.images.flatten().size()", org.hamcrest.Matchers.equalTo(20));
    }

    @Test
    void aQuotePageIsWalkedAndRenderedWithItsIncludesByOneStatement() {
        String speaker = people.get(1);
        assertEquals(
                1,
                statements("/api/v1/quotes?speaker=" + speaker + "&include=speaker,article&total=false&limit=7", 7),
                "a page of quotes, their speakers and articles");
    }

    /** The person or place a path names comes from ReadCache too, so a second read is replayed whole. */
    @Test
    void nestedListsAndAQuoteWithItsIncludesReadAgainCostNoStatement() {
        String person =
                editor().get("/api/v1/people/" + people.get(2)).then().extract().path("slug");
        String place =
                editor().get("/api/v1/places/" + placeId).then().extract().path("slug");
        String quote = anonymous()
                .get("/api/v1/quotes?speaker=" + people.get(2) + "&limit=1")
                .then()
                .extract()
                .path("items[0].id");
        for (String url : List.of(
                "/api/v1/people/" + person + "/quotes?include=speaker,article&limit=5",
                "/api/v1/people/" + person + "/articles?limit=5",
                "/api/v1/places/" + place + "/articles?limit=5")) {
            assertTrue(statements(url, 5) > 0, "the first read computes: " + url);
            assertEquals(0, statements(url, 5), "read again: " + url);
        }
        String single = "/api/v1/quotes/" + quote + "?include=speaker,article";
        assertEquals(1, statements.during(() -> anonymous().get(single).then().statusCode(200)), "a quote with both");
        assertEquals(0, statements.during(() -> anonymous().get(single).then().statusCode(200)), "read again");
    }

    @Test
    void quoteIncludesAreConstantFromOneToAHundredItems() {
        String speaker = anonymous()
                .get("/api/v1/articles?tag=" + TAG + "&limit=1")
                .then()
                .extract()
                .path("items[0].personIds[0]");
        long one = statements("/api/v1/quotes?speaker=" + speaker + "&include=speaker,article&total=false&limit=1", 1);
        long many =
                statements("/api/v1/quotes?speaker=" + speaker + "&include=speaker,article&total=false&limit=34", 34);
        assertEquals(one, many, "statements for 1 item vs 34 items");
    }
}
