package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.ids;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.quote;
import static news.masthead.Api.unique;
import static news.masthead.Api.walk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PaginationTest {

    private static final String PEOPLE = "/api/v1/people";

    /** Creates people named prefix + suffix for each suffix; returns their ids in the same order. */
    private static List<String> people(String prefix, String... suffixes) {
        List<String> ids = new ArrayList<>();
        for (String s : suffixes) {
            ids.add(person(prefix + s));
        }
        return ids;
    }

    /** Asserts that every one of {@code mine} is listed exactly once and that no id repeats; returns their positions. */
    private static List<String> listedOnce(List<Map<String, Object>> walked, List<String> mine) {
        List<String> all = ids(walked);
        assertEquals(all.size(), new HashSet<>(all).size(), "no item appears twice in a walk");
        assertTrue(all.containsAll(mine), "every item is visited");
        return all.stream().filter(mine::contains).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void listsUseTheEnvelope() {
        person("Envelope " + unique());
        person("Envelope " + unique());
        for (String collection : List.of("articles", "people", "places", "quotes")) {
            editor().get("/api/v1/" + collection)
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("$", hasKey("items"))
                    .body("$", hasKey("next"))
                    .body("limit", equalTo(20))
                    .body("total", greaterThanOrEqualTo(0))
                    .body("items.size()", lessThanOrEqualTo(20));
        }
        editor().queryParam("limit", 1)
                .get(PEOPLE)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("limit", equalTo(1))
                .body("total", greaterThanOrEqualTo(2))
                .body("next", notNullValue())
                .header("Link", startsWith("<"));
    }

    @Test
    void limitDefaultsTo20() {
        for (int i = 0; i < 21; i++) {
            person("Many " + unique());
        }
        editor().get(PEOPLE)
                .then()
                .statusCode(200)
                .body("limit", equalTo(20))
                .body("items", hasSize(20))
                .body("next", notNullValue());
    }

    @Test
    void limitOutsideOneToHundredIs400NamingLimit() {
        for (String bad : List.of("0", "101", "abc", "-1", "1.5")) {
            invalid(editor().queryParam("limit", bad).get(PEOPLE), "limit");
        }
        editor().queryParam("limit", 1).get(PEOPLE).then().statusCode(200).body("limit", equalTo(1));
        editor().queryParam("limit", 100).get(PEOPLE).then().statusCode(200).body("limit", equalTo(100));
    }

    @Test
    void totalFalseOmitsTheTotal() {
        person("Counted " + unique());
        long total =
                ((Number) editor().get(PEOPLE).then().statusCode(200).extract().path("total")).longValue();
        assertTrue(total >= 1);
        editor().queryParam("total", "false")
                .get(PEOPLE)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("total")))
                .body("items", notNullValue());
        invalid(editor().queryParam("total", "maybe").get(PEOPLE), "total");
    }

    @Test
    void totalCountsEveryMatchingItem() {
        person("Total " + unique());
        int total = editor().queryParam("limit", 1)
                .get(PEOPLE)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertEquals(total, walk(Api::editor, PEOPLE, 100, null).size());
    }

    @Test
    void walkingWithNextVisitsEveryPersonExactlyOnce() {
        String prefix = "Walker " + unique() + " ";
        List<String> mine = people(prefix, "a", "b", "c", "d", "e", "f", "g");
        List<String> inOrder = listedOnce(walk(Api::editor, PEOPLE, 2, null), mine);
        assertEquals(mine, inOrder, "sorted by name");
    }

    @Test
    void sortByNameDescending() {
        String prefix = "Descender " + unique() + " ";
        List<String> mine = people(prefix, "a", "b", "c", "d", "e");
        List<String> inOrder = listedOnce(walk(Api::editor, PEOPLE, 2, "-name"), mine);
        assertEquals(reversed(mine), inOrder);
        List<String> places = new ArrayList<>();
        for (String s : List.of("a", "b", "c")) {
            places.add(Places.place().name(prefix + s).create());
        }
        assertEquals(reversed(places), listedOnce(walk(Api::editor, "/api/v1/places", 2, "-name"), places));
        assertEquals(places, listedOnce(walk(Api::editor, "/api/v1/places", 2, "name"), places));
    }

    @Test
    void walkStaysStableWhileRowsAreInserted() {
        String prefix = "Stable " + unique() + " ";
        List<String> mine = people(prefix, "b", "d", "f", "h", "j", "l");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var request = editor().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> r =
                    request.get(PEOPLE).then().statusCode(200).extract();
            seen.addAll(ids(r.path("items")));
            cursor = r.path("next");
            if (page++ % 3 == 0) {
                person(prefix + "a" + page); // sorts before every one of mine
                person(prefix + "m" + page); // sorts after every one of mine
            }
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item appears twice");
        assertEquals(mine, seen.stream().filter(mine::contains).toList());
    }

    @Test
    void walkingArticlesCoversDraftsWithoutPublishedAt() {
        String u = unique();
        List<String> mine = new ArrayList<>();
        mine.add(Articles.article().headline("Walk draft 1 " + u).create());
        mine.add(Articles.article().headline("Walk draft 2 " + u).create());
        mine.add(Articles.article()
                .headline("Walk pub " + u)
                .published()
                .publishedAt("2026-02-01T00:00:00Z")
                .create());
        mine.add(Articles.article()
                .headline("Walk pub same time " + u)
                .published()
                .publishedAt("2026-02-01T00:00:00Z")
                .create());
        mine.add(Articles.article()
                .headline("Walk sched " + u)
                .scheduled()
                .publishedAt(Instant.now().plus(3, ChronoUnit.DAYS))
                .create());
        // Small pages where nulls and ties matter; the other sorts in bigger pages to keep the walks short.
        for (String sort : new String[] {null, "publishedAt"}) {
            listedOnce(walk(Api::editor, "/api/v1/articles", 3, sort), mine);
        }
        for (String sort : new String[] {"-publishedAt", "headline", "-headline", "updatedAt", "-updatedAt"}) {
            listedOnce(walk(Api::editor, "/api/v1/articles", 10, sort), mine);
        }
    }

    @Test
    void walkingQuotesCoversUndatedQuotes() {
        String u = unique();
        String speaker = person("Quoted walker " + u);
        List<String> mine = new ArrayList<>();
        mine.add(quote("Undated 1 " + u, speaker, null));
        mine.add(quote("Undated 2 " + u, speaker, null));
        mine.add(Quotes.quote()
                .text("Dated " + u)
                .speaker(speaker)
                .saidAt("2026-03-01T12:00:00Z")
                .create());
        mine.add(Quotes.quote()
                .text("Dated too " + u)
                .speaker(speaker)
                .saidAt("2026-03-01T12:00:00Z")
                .create());
        for (String sort : new String[] {null, "saidAt", "-saidAt"}) {
            listedOnce(walk(Api::anonymous, "/api/v1/quotes", 2, sort), mine);
        }
    }

    @Test
    void theLinkHeaderLeadsToTheNextPage() {
        List<String> mine = people("Linker " + unique() + " ", "a", "b", "c");
        List<String> viaLinks = new ArrayList<>();
        String url = "/api/v1/people?limit=2&sort=-name";
        while (url != null) {
            ExtractableResponse<Response> page =
                    editor().get(url).then().statusCode(200).extract();
            viaLinks.addAll(ids(page.path("items")));
            String link = page.header("Link");
            if (link == null) {
                assertNull(page.path("next"));
                url = null;
            } else {
                assertTrue(link.matches("<[^>]+>; rel=\"next\""), link);
                url = link.substring(1, link.indexOf('>'));
                assertTrue(url.contains("sort=-name") && url.contains("limit=2"), "the link keeps the query: " + url);
            }
        }
        assertEquals(ids(walk(Api::editor, PEOPLE, 2, "-name")), viaLinks);
        assertEquals(reversed(mine), viaLinks.stream().filter(mine::contains).toList());
    }

    @Test
    void theNextLinkKeepsEveryOtherParameterAsSentAndReplacesTheCursor() {
        String word = "linked" + unique();
        people("Linked " + word + " ", "a", "b", "c");
        String first = editor().urlEncodingEnabled(false)
                .get(PEOPLE + "?q=" + word + "%20OR%20nobody&limit=1&sort=name")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        String query = "q=" + word + "%20OR%20nobody&cursor=" + first + "&limit=1&sort=name&fields=id%2Cname";
        ExtractableResponse<Response> page = editor().urlEncodingEnabled(false)
                .get(PEOPLE + "?" + query)
                .then()
                .statusCode(200)
                .extract();
        String next = page.path("next");
        assertNotNull(next);
        assertEquals(
                "<" + RestAssured.baseURI + ":" + RestAssured.port + PEOPLE + "?q=" + word
                        + "%20OR%20nobody&limit=1&sort=name&fields=id%2Cname&cursor=" + next + ">; rel=\"next\"",
                page.header("Link"));
    }

    @Test
    void namesWithLineBreaksDoNotBreakTheWalk() {
        String prefix = "Multi-line " + unique() + " ";
        // Two neighbours in name order: with limit 2, one of them ends a page and so becomes a cursor.
        List<String> mine = people(prefix, "a\nfirst", "a\nsecond", "b");
        listedOnce(walk(Api::editor, PEOPLE, 2, null), mine);
    }

    @Test
    void aGarbageCursorIs400NamingCursor() {
        for (String bad : List.of("garbage", "!!!", "bm90IGEgY3Vyc29y", "a".repeat(500))) {
            invalid(editor().queryParam("cursor", bad).get(PEOPLE), "cursor");
        }
    }

    @Test
    void aCursorFromAnotherListIs400() {
        people("Cross " + unique() + " ", "a", "b");
        Supplier<String> peopleCursor = () -> editor().queryParam("limit", 1)
                .get(PEOPLE)
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        String cursor = peopleCursor.get();
        assertNotNull(cursor);
        invalid(editor().queryParam("cursor", cursor).get("/api/v1/articles"), "cursor");
        invalid(editor().queryParam("cursor", cursor).get("/api/v1/places"), "cursor");
        invalid(
                editor().queryParam("cursor", cursor)
                        .queryParam("sort", "-name")
                        .get(PEOPLE),
                "cursor");
        editor().queryParam("cursor", cursor).get(PEOPLE).then().statusCode(200);
    }

    @Test
    void anEditorsArticleCursorIsRefusedToAnonymousCallers() {
        Articles.article().headline("Cursor scope 1 " + unique()).create();
        Articles.article().headline("Cursor scope 2 " + unique()).create();
        String cursor = editor().queryParam("limit", 1)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        assertNotNull(cursor);
        invalid(anonymous().queryParam("cursor", cursor).get("/api/v1/articles"), "cursor");
    }

    @Test
    void unknownSortFieldIs400NamingSort() {
        invalid(editor().queryParam("sort", "bogus").get(PEOPLE), "sort");
        invalid(editor().queryParam("sort", "-bogus").get(PEOPLE), "sort");
        invalid(editor().queryParam("sort", "name").get("/api/v1/articles"), "sort");
        invalid(editor().queryParam("sort", "headline").get("/api/v1/quotes"), "sort");
        for (String ok : List.of("publishedAt", "-publishedAt", "updatedAt", "-updatedAt", "headline", "-headline")) {
            editor().queryParam("sort", ok).get("/api/v1/articles").then().statusCode(200);
        }
    }
}
