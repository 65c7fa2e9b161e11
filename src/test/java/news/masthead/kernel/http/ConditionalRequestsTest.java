package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ConditionalRequestsTest {

    /** One resource of each collection: collection → id. */
    private static Map<String, String> oneOfEach() {
        String u = unique();
        return Map.of(
                "articles", article("published"),
                "people", person("Conditional " + u),
                "places", place("Conditional " + u, "city", null),
                "quotes", quote("Conditional", person("Speaker " + u), null));
    }

    private static String path(String collection, String id) {
        return "/api/v1/" + collection + "/" + id;
    }

    @Test
    void getSendsAStrongEtagAndLastModified() {
        oneOfEach().forEach((collection, id) -> {
            ExtractableResponse<Response> r = anonymous()
                    .get(path(collection, id))
                    .then()
                    .statusCode(200)
                    .header("ETag", startsWith("\""))
                    .header("Last-Modified", notNullValue())
                    .extract();
            assertFalse(r.header("ETag").startsWith("W/"), "strong ETag");
            assertTrue(IMF_FIXDATE.matcher(r.header("Last-Modified")).matches(), r.header("Last-Modified"));
        });
    }

    /** RFC 9110's HTTP-date: a two-digit day, whatever the day of the month. */
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

    @Test
    void lastModifiedEarlyInAMonthHasATwoDigitDay() {
        assertEquals("Tue, 01 Dec 2026 00:52:28 GMT", Conditional.httpDate(Instant.parse("2026-12-01T00:52:28.750Z")));
        assertEquals("Sat, 31 Oct 2026 23:05:09 GMT", Conditional.httpDate(Instant.parse("2026-10-31T23:05:09Z")));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304WithoutABody() {
        oneOfEach().forEach((collection, id) -> {
            String etag = anonymous()
                    .get(path(collection, id))
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            String body = anonymous()
                    .header("If-None-Match", etag)
                    .get(path(collection, id))
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(etag))
                    .extract()
                    .asString();
            assertEquals("", body);
            editor().header("If-None-Match", "\"other\", " + etag)
                    .get(path(collection, id))
                    .then()
                    .statusCode(304);
        });
    }

    @Test
    void ifNoneMatchWithAnOldEtagIs200() {
        String id = person("Changed " + unique());
        String old = editor().get(path("people", id)).then().extract().header("ETag");
        editor().body(Map.of("role", "Mayor")).patch(path("people", id)).then().statusCode(200);
        String current = editor().header("If-None-Match", old)
                .get(path("people", id))
                .then()
                .statusCode(200)
                .body("role", equalTo("Mayor"))
                .extract()
                .header("ETag");
        assertNotEquals(old, current);
    }

    @Test
    void theEtagChangesWithTheVersionOnly() {
        String id = Places.place().name("Etag " + unique()).kind("town").create();
        String first = editor().get(path("places", id)).then().extract().header("ETag");
        String afterNoOp = editor().contentType("application/merge-patch+json")
                .body(Map.of("kind", "town"))
                .patch(path("places", id))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals(first, afterNoOp);
        String afterChange = editor().contentType("application/merge-patch+json")
                .body(Map.of("kind", "city"))
                .patch(path("places", id))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(first, afterChange);
        assertEquals(
                afterChange, editor().get(path("places", id)).then().extract().header("ETag"));
    }

    @Test
    void writesAnswerWithTheNewEtag() {
        ExtractableResponse<Response> created = People.person()
                .name("Fresh " + unique())
                .post()
                .then()
                .statusCode(201)
                .header("ETag", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(
                created.header("ETag"),
                editor().get(path("people", id)).then().extract().header("ETag"));
        String patched = editor().body(Map.of("role", "R"))
                .patch(path("people", id))
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals(patched, editor().get(path("people", id)).then().extract().header("ETag"));
    }

    @Test
    void putWithAStaleIfMatchIs412AndChangesNothing() {
        String u = unique();
        String id = Articles.article().headline("Stale put " + u).create();
        String stale = editor().get(path("articles", id)).then().extract().header("ETag");
        editor().body(Map.of("standfirst", "v2"))
                .patch(path("articles", id))
                .then()
                .statusCode(200);

        problem(
                editor().header("If-Match", stale)
                        .body(Articles.article().headline("Overwritten " + u).fields())
                        .put(path("articles", id)),
                412);
        read("articles", id)
                .response()
                .then()
                .body("headline", equalTo("Stale put " + u))
                .body("standfirst", equalTo("v2"))
                .body("version", equalTo(2));
    }

    @Test
    void patchWithAStaleIfMatchIs412AndChangesNothing() {
        String u = unique();
        String id = person("Stale patch " + u);
        String stale = editor().get(path("people", id)).then().extract().header("ETag");
        editor().body(Map.of("role", "v2")).patch(path("people", id)).then().statusCode(200);

        problem(
                editor().header("If-Match", stale)
                        .contentType("application/merge-patch+json")
                        .body(Map.of("role", "v3"))
                        .patch(path("people", id)),
                412);
        read("people", id).response().then().body("role", equalTo("v2")).body("version", equalTo(2));
    }

    @Test
    void deleteWithAStaleIfMatchIs412AndKeepsTheResource() {
        String id = place("Stale delete " + unique(), "village", null);
        String stale = editor().get(path("places", id)).then().extract().header("ETag");
        editor().body(Map.of("population", 12)).patch(path("places", id)).then().statusCode(200);

        problem(editor().header("If-Match", stale).delete(path("places", id)), 412);
        read("places", id).response().then().body("population", equalTo(12)).body("version", equalTo(2));
    }

    @Test
    void writesWithTheCurrentIfMatchSucceed() {
        oneOfEach().forEach((collection, id) -> {
            String etag = editor().get(path(collection, id)).then().extract().header("ETag");
            String newEtag = editor().header("If-Match", etag)
                    .contentType("application/merge-patch+json")
                    .body(Map.of())
                    .patch(path(collection, id))
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            assertEquals(etag, newEtag, "an empty patch changes nothing");
            editor().header("If-Match", etag)
                    .delete(path(collection, id))
                    .then()
                    .statusCode(204);
            problem(editor().get(path(collection, id)), 404);
        });
    }

    @Test
    void putAndPatchWithTheCurrentIfMatchApplyTheChange() {
        String u = unique();
        String id = People.person().name("Current " + u).slug("current-" + u).create();
        String etag = editor().get(path("people", id)).then().extract().header("ETag");
        String afterPut = editor().header("If-Match", etag)
                .body(Map.of("name", "Put " + u, "slug", "current-" + u))
                .put(path("people", id))
                .then()
                .statusCode(200)
                .body("name", equalTo("Put " + u))
                .header("ETag", not(equalTo(etag)))
                .extract()
                .header("ETag");
        editor().header("If-Match", afterPut)
                .body(Map.of("role", "Patched"))
                .patch(path("people", id))
                .then()
                .statusCode(200)
                .body("role", equalTo("Patched"))
                .body("version", equalTo(3));
        problem(
                editor().header("If-Match", afterPut)
                        .body(Map.of("role", "Again"))
                        .patch(path("people", id)),
                412);
    }

    @Test
    void ifMatchUsesStrongComparison() {
        String id = person("Weak " + unique());
        String etag = editor().get(path("people", id)).then().extract().header("ETag");
        problem(
                editor().header("If-Match", "W/" + etag)
                        .body(Map.of("role", "x"))
                        .patch(path("people", id)),
                412);
        editor().header("If-Match", "\"nope\", " + etag)
                .body(Map.of("role", "x"))
                .patch(path("people", id))
                .then()
                .statusCode(200);
        editor().header("If-Match", "*")
                .body(Map.of("role", "y"))
                .patch(path("people", id))
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
    }

    @Test
    void conditionalWritesWorkOnEveryCollection() {
        for (Map.Entry<String, String> e : oneOfEach().entrySet()) {
            String p = path(e.getKey(), e.getValue());
            problem(editor().header("If-Match", "\"999\"").delete(p), 412);
            editor().get(p).then().statusCode(200);
        }
    }

    @Test
    void anArticlesTagChangesWhenARelatedArticleIsPublishedOrRetracted() {
        String related = article("draft");
        String id = Articles.article()
                .headline("Refers " + unique())
                .published()
                .body(java.util.List.of(Map.of("type", "related", "articleId", related)))
                .create();
        String hidden = anonymous()
                .get(path("articles", id))
                .then()
                .statusCode(200)
                .body("body.size()", equalTo(0))
                .extract()
                .header("ETag");

        patchArticle(related, "published");
        String shown = anonymous()
                .header("If-None-Match", hidden)
                .get(path("articles", id))
                .then()
                .statusCode(200)
                .body("body[0].articleId", equalTo(related))
                .extract()
                .header("ETag");
        assertNotEquals(hidden, shown);
        anonymous()
                .header("If-None-Match", shown)
                .get(path("articles", id))
                .then()
                .statusCode(304);

        patchArticle(related, "archived");
        anonymous()
                .header("If-None-Match", shown)
                .get(path("articles", id))
                .then()
                .statusCode(200)
                .body("body.size()", equalTo(0));
        // Editors' copy never hides the block: its tag is the version's, as If-Match expects.
        editor().get(path("articles", id)).then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    @Test
    void anArticlesTagChangesWhenARelatedScheduledArticleComesDue() throws InterruptedException {
        java.time.Instant due = java.time.Instant.now().plusSeconds(2);
        String related = Articles.article()
                .headline("Due " + unique())
                .scheduled()
                .publishedAt(due)
                .create();
        String id = Articles.article()
                .headline("Refers " + unique())
                .published()
                .body(java.util.List.of(Map.of("type", "related", "articleId", related)))
                .create();
        String before = anonymous()
                .get(path("articles", id))
                .then()
                .statusCode(200)
                .body("body.size()", equalTo(0))
                .extract()
                .header("ETag");
        Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 300);
        anonymous()
                .header("If-None-Match", before)
                .get(path("articles", id))
                .then()
                .statusCode(200)
                .body("body[0].articleId", equalTo(related))
                .header("ETag", not(equalTo(before)));
    }

    private static void patchArticle(String id, String status) {
        Articles.edit().status(status).patch(id).then().statusCode(200);
    }
}
