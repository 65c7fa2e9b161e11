package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ArticleFiltersTest {

    @Inject
    AgroalDataSource dataSource;

    /** A word no other test uses: letters only, so the text search sees it as one token. */
    private static String word(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (char c : java.util
                .UUID
                .randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 14)
                .toCharArray()) {
            sb.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return sb.toString();
    }

    @Test
    void tagSectionAndStatusFiltersCombine() {
        String tag = "tag" + unique();
        String a = Articles.article()
                .headline("Tagged one")
                .tags(tag.toUpperCase())
                .section("world")
                .published()
                .create();
        Articles.article()
                .headline("Tagged two")
                .tags(tag)
                .section("sport")
                .published()
                .create();
        String draft = Articles.article()
                .headline("Tagged draft")
                .tags(tag)
                .section("world")
                .create();

        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&section=world")
                .then()
                .statusCode(200)
                .body("items.id", contains(a))
                .body("total", equalTo(1));
        editor().get("/api/v1/articles?tag=" + tag + "&section=world")
                .then()
                .body("items.id", containsInAnyOrder(a, draft));
        editor().get("/api/v1/articles?tag=" + tag + "&status=draft").then().body("items.id", contains(draft));
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&status=draft")
                .then()
                .statusCode(200)
                .body("items", empty());
        editor().get("/api/v1/articles?status=live").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void aSearchWalksByRelevanceThroughCursorsNotByDate() {
        String word = "relevant" + unique();
        String most = Articles.article()
                .headline(word + " " + word + " " + word)
                .published()
                .publishedAt("2025-01-01T08:00:00Z")
                .create();
        String less = Articles.article()
                .headline(word + " and " + word)
                .published()
                .publishedAt("2025-02-01T08:00:00Z")
                .create();
        String least = Articles.article()
                .headline(word + " once")
                .published()
                .publishedAt("2025-03-01T08:00:00Z")
                .create();
        walkInTwoPages("q=" + word, most, less, least);
    }

    /** The list filtered by {@code filter} holds these three articles in this order, in pages of two; total 3. */
    private static void walkInTwoPages(String filter, String first, String second, String third) {
        String next = anonymous()
                .get("/api/v1/articles?limit=2&" + filter)
                .then()
                .statusCode(200)
                .body("items.id", contains(first, second))
                .body("total", equalTo(3))
                .extract()
                .path("next");
        anonymous()
                .get("/api/v1/articles?limit=2&" + filter + "&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items.id", contains(third))
                .body("next", equalTo(null));
    }

    private static void movedToApril(String article) {
        editor().body(Map.of("publishedAt", "2025-04-01T08:00:00Z"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
    }

    /** A tag's list walks its own index by date (V19): it must follow a new publication time and a new tag. */
    @Test
    void aTagListIsNewestFirstThroughCursorsAndFollowsEditedTimesAndTags() {
        String tag = "bydate" + unique();
        String oldest = Articles.article()
                .headline("Tagged oldest")
                .published()
                .publishedAt("2025-01-01T08:00:00Z")
                .tags(tag)
                .create();
        String middle = Articles.article()
                .headline("Tagged middle")
                .published()
                .publishedAt("2025-02-01T08:00:00Z")
                .tags("other", tag)
                .create();
        String newest = Articles.article()
                .headline("Tagged newest")
                .published()
                .publishedAt("2025-03-01T08:00:00Z")
                .tags(tag)
                .create();
        walkInTwoPages("tag=" + tag, newest, middle, oldest);
        movedToApril(oldest);
        editor().body(Map.of("tags", List.of("other")))
                .patch("/api/v1/articles/" + middle)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles?tag=" + tag)
                .then()
                .statusCode(200)
                .body("items.id", contains(oldest, newest))
                .body("total", equalTo(2));

        String town = place("Tagged Town " + unique(), "town", null);
        editor().body(Map.of("placeIds", List.of(town)))
                .patch("/api/v1/articles/" + newest)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&place=" + town)
                .then()
                .statusCode(200)
                .body("items.id", contains(newest));
    }

    /**
     * A person's list walks that person's index by date (V23): it must follow a new publication time, a person taken
     * off or added, a deletion, and combine with a tag, whose index it then uses.
     */
    @Test
    void aPersonsListIsNewestFirstThroughCursorsAndFollowsEditedTimesPeopleAndDeletions() {
        String person = person("Dated Person " + unique());
        String other = person("Other Person " + unique());
        String oldest = Articles.article()
                .headline("Named oldest")
                .published()
                .publishedAt("2025-01-01T08:00:00Z")
                .personIds(person)
                .create();
        String middle = Articles.article()
                .headline("Named middle")
                .published()
                .publishedAt("2025-02-01T08:00:00Z")
                .personIds(other, person)
                .create();
        String newest = Articles.article()
                .headline("Named newest")
                .published()
                .publishedAt("2025-03-01T08:00:00Z")
                .personIds(person)
                .create();
        String slug = editor().get("/api/v1/people/" + person).then().extract().path("slug");
        walkInTwoPages("person=" + slug, newest, middle, oldest);
        movedToApril(oldest);
        editor().body(Map.of("personIds", List.of(other)))
                .patch("/api/v1/articles/" + middle)
                .then()
                .statusCode(200);
        editor().delete("/api/v1/articles/" + newest).then().statusCode(204);
        String added = Articles.article()
                .headline("Named later")
                .published()
                .publishedAt("2025-03-15T08:00:00Z")
                .personIds(other)
                .create();
        editor().body(Map.of("personIds", List.of(other, person)))
                .patch("/api/v1/articles/" + added)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles?person=" + person)
                .then()
                .statusCode(200)
                .body("items.id", contains(oldest, added))
                .body("total", equalTo(2));
        anonymous()
                .get("/api/v1/articles?person=" + other)
                .then()
                .statusCode(200)
                .body("items.id", contains(added, middle));

        String tag = "namedtag" + unique();
        editor().body(Map.of("tags", List.of(tag)))
                .patch("/api/v1/articles/" + oldest)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&person=" + person)
                .then()
                .statusCode(200)
                .body("items.id", contains(oldest));
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&person=" + other)
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    /**
     * bench/generate.sql loads articles with the triggers off (replica mode), so no list index by date has their rows,
     * then rebuilds those indexes (V19, V23).
     */
    @Test
    void listIndexesRebuiltAfterALoadWithoutTriggersListAPersonsAndATagsArticles() throws Exception {
        String person = person("Rebuilt Person " + unique());
        String tag = "relisted" + unique();
        String older = Articles.article()
                .headline("Relisted older")
                .published()
                .publishedAt("2025-01-01T08:00:00Z")
                .personIds(person)
                .tags(tag)
                .create();
        String newer = Articles.article()
                .headline("Relisted newer")
                .published()
                .publishedAt("2025-02-01T08:00:00Z")
                .personIds(person)
                .tags(tag)
                .create();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute("delete from article_named where person_id = '" + person + "'");
            s.execute("delete from article_tagged where tag = '" + tag + "'");
            s.execute("select article_listing_rebuild()");
            s.execute("set session_replication_role = origin");
        }
        anonymous()
                .get("/api/v1/articles?person=" + person)
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older));
        anonymous().get("/api/v1/articles?tag=" + tag).then().statusCode(200).body("items.id", contains(newer, older));
    }

    @Test
    void placeFilterMatchesArticlesAboutAnyPlaceInsideIt() {
        String country = place("Country " + unique(), "country", null);
        String region = place("Region " + unique(), "region", country);
        String town = place("Town " + unique(), "town", region);
        String elsewhere = place("Elsewhere " + unique(), "town", null);
        String inTown = Articles.article()
                .headline("In town")
                .published()
                .placeIds(town)
                .create();
        String inRegion = Articles.article()
                .headline("In region")
                .published()
                .placeIds(region)
                .create();
        Articles.article().headline("Elsewhere").published().placeIds(elsewhere).create();

        anonymous()
                .get("/api/v1/articles?place=" + country)
                .then()
                .body("items.id", containsInAnyOrder(inTown, inRegion));
        anonymous().get("/api/v1/articles?place=" + town).then().body("items.id", contains(inTown));
        anonymous()
                .get("/api/v1/places/" + region + "/articles")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(inTown, inRegion));
        anonymous()
                .get("/api/v1/articles?place=no-such-place-" + unique())
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
        anonymous()
                .get("/api/v1/articles?place=Not A Slug!")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("place"));
        anonymous()
                .get("/api/v1/places/no-such-place-" + unique() + "/articles")
                .then()
                .statusCode(404);
    }

    @Test
    void aPlaceListsItsArticlesNewestFirstAsTheirDatesChange() {
        String region = place("Dated Region " + unique(), "region", null);
        String town = place("Dated Town " + unique(), "town", region);
        String older = Articles.article()
                .headline("Older")
                .published()
                .publishedAt("2026-01-01T08:00:00Z")
                .placeIds(town)
                .create();
        String newer = Articles.article()
                .headline("Newer")
                .published()
                .publishedAt("2026-02-01T08:00:00Z")
                .placeIds(town, region)
                .create();
        String draft =
                Articles.article().headline("Undated draft").placeIds(town).create();
        String url = "/api/v1/articles?place=" + region;

        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older))
                .body("total", equalTo(2));
        editor().get(url)
                .then()
                .statusCode(200)
                .body("items.id", contains(newer, older, draft))
                .body("total", equalTo(3));
        editor().body(Map.of("publishedAt", "2026-03-01T08:00:00Z"))
                .patch("/api/v1/articles/" + older)
                .then()
                .statusCode(200);
        anonymous().get(url).then().body("items.id", contains(older, newer));
        String next = anonymous()
                .get(url + "&limit=1")
                .then()
                .body("items.id", contains(older))
                .extract()
                .path("next");
        anonymous()
                .get(url + "&limit=1&cursor=" + next)
                .then()
                .body("items.id", contains(newer))
                .body("next", equalTo(null));
    }

    @Test
    void personFilterAndSubListsFindTheirArticlesAndQuotes() {
        String name = "Oksana Filter " + unique();
        String person = person(name);
        String slug = editor().get("/api/v1/people/" + person).then().extract().path("slug");
        String about = Articles.article()
                .headline("About her")
                .published()
                .personIds(person)
                .create();
        Articles.article().headline("Not about her").published().create();
        String quote = Quotes.quote()
                .text("We stay.")
                .speaker(person)
                .article(about)
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        anonymous().get("/api/v1/articles?person=" + slug).then().body("items.id", contains(about));
        anonymous()
                .get("/api/v1/people/" + slug + "/articles")
                .then()
                .statusCode(200)
                .body("items.id", contains(about));
        anonymous()
                .get("/api/v1/people/" + slug + "/quotes")
                .then()
                .statusCode(200)
                .body("items.id", contains(quote));
        anonymous()
                .get("/api/v1/quotes?speaker=" + slug + "&article=" + about)
                .then()
                .body("items.id", contains(quote));
        anonymous().get("/api/v1/articles?person=nobody-" + unique()).then().body("items", empty());
    }

    @Test
    void publishedWindowFiltersAreExclusiveAndValidated() {
        String tag = "win" + unique();
        String early = Articles.article()
                .headline("Early")
                .published()
                .publishedAt("2025-01-10T10:00:00Z")
                .tags(tag)
                .create();
        String late = Articles.article()
                .headline("Late")
                .published()
                .publishedAt("2025-03-10T10:00:00Z")
                .tags(tag)
                .create();
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&publishedAfter=2025-01-10T10:00:00Z")
                .then()
                .body("items.id", contains(late));
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&publishedBefore=2025-03-10T10:00:00Z")
                .then()
                .body("items.id", contains(early));
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&sort=publishedAt")
                .then()
                .body("items.id", contains(early, late));
        anonymous()
                .get("/api/v1/articles?publishedAfter=yesterday")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("publishedAfter"));
    }

    @Test
    void searchUsesWebSyntaxAndRanksHeadlinesFirst() {
        String word = word("zq");
        String inHeadline = Articles.article()
                .headline("Ferry " + word + " returns")
                .published()
                .create();
        String inBody = Articles.article()
                .headline("Island news")
                .published()
                .body(List.of(Map.of("type", "paragraph", "text", "The " + word + " sailed at dawn from the harbour")))
                .tags("x")
                .create();
        String excluded = Articles.article()
                .headline("Storm " + word)
                .standfirst("harbour closed")
                .published()
                .create();

        anonymous()
                .queryParam("q", word)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", hasSize(3))
                .body("items[2].id", equalTo(inBody));
        anonymous()
                .queryParam("q", word + " -storm")
                .get("/api/v1/articles")
                .then()
                .body("items.id", containsInAnyOrder(inHeadline, inBody));
        anonymous()
                .queryParam("q", "\"sailed at dawn\" " + word)
                .get("/api/v1/articles")
                .then()
                .body("items.id", contains(inBody));
        // websearch syntax: AND binds tighter than OR, so each alternative repeats the word.
        anonymous()
                .queryParam("q", word + " returns OR " + word + " closed")
                .get("/api/v1/articles")
                .then()
                .body("items.id", containsInAnyOrder(inHeadline, excluded));
        anonymous()
                .get("/api/v1/articles?q=" + "x".repeat(501))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void searchPagesWalkEveryMatchOnce() {
        String word = word("pg");
        for (int i = 0; i < 5; i++) {
            Articles.article()
                    .headline(word + (i % 2 == 0 ? " " + word : "") + " item " + i)
                    .published()
                    .create();
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var page = anonymous()
                    .queryParam("q", word)
                    .queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/articles")
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(5, seen.size());
        org.junit.jupiter.api.Assertions.assertEquals(
                5, seen.stream().distinct().count());
    }

    @Test
    void includesAddPeoplePlacesAndQuotes() {
        String person = person("Include Person " + unique());
        String place = place("Include Place " + unique(), "city", null);
        String a = Articles.article()
                .headline("With includes")
                .published()
                .personIds(person)
                .placeIds(place)
                .create();
        String quote = Quotes.quote()
                .text("Included words")
                .speaker(person)
                .article(a)
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        anonymous()
                .get("/api/v1/articles/" + a + "?include=people,places,quotes")
                .then()
                .statusCode(200)
                .body("people[0].id", equalTo(person))
                .body("places[0].id", equalTo(place))
                .body("quotes[0].id", equalTo(quote));
        anonymous()
                .get("/api/v1/articles/" + a)
                .then()
                .body("people", equalTo(null))
                .body("quotes", equalTo(null));
        anonymous()
                .get("/api/v1/quotes/" + quote + "?include=speaker,article")
                .then()
                .statusCode(200)
                .body("speaker.id", equalTo(person))
                .body("article.id", equalTo(a));
        anonymous()
                .get("/api/v1/articles?include=comments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("include"));
    }
}
