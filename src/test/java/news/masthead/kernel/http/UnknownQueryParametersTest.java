package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import news.masthead.fixtures.Places;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static news.masthead.Api.admin;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.publishedArticle;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** API.md "Collections": a query parameter the operation does not define is a 400 naming it, on every operation. */
@QuarkusTest
class UnknownQueryParametersTest {

    private static void refused(
            RequestSpecification request, String name, Function<RequestSpecification, Response> call) {
        invalid(call.apply(request.queryParam(name, "x")), name).body("detail", containsString(name));
    }

    @Test
    void aTypoInAListFilterIs400InsteadOfTheUnfilteredList() {
        invalid(anonymous().queryParam("tags", "politics").get("/api/v1/articles"), "tags")
                .body("errors[0].message", allOf(containsString("unknown query parameter"), containsString("tag")));
    }

    @Test
    void unknownParametersAre400OnSingleReadsSubListsFeedsAndChanges() {
        String article = publishedArticle();
        String person = person("Unknown params " + unique());
        String place = place("Unknown params " + unique(), "city", null);
        refused(anonymous(), "includes", r -> r.get("/api/v1/articles/" + article));
        refused(anonymous(), "speakr", r -> r.get("/api/v1/people/" + person + "/quotes"));
        refused(anonymous(), "tags", r -> r.get("/api/v1/people/" + person + "/articles"));
        refused(anonymous(), "within", r -> r.get("/api/v1/places/" + place + "/articles"));
        refused(anonymous(), "sort", r -> r.get("/api/v1/articles/" + article + "/comments"));
        refused(anonymous(), "tags", r -> r.get("/api/v1/feeds/articles.atom"));
        refused(anonymous(), "limit", r -> r.get("/api/v1/feeds/articles.json"));
        refused(anonymous(), "cursor", r -> r.get("/api/v1/changes"));
        refused(anonymous().accept("application/ninjs+json"), "include", r -> r.get("/api/v1/articles/" + article));
    }

    @Test
    void unknownParametersAre400OnWritesAndEditorLists() {
        refused(editor().body(Map.of("name", "Never created " + unique())), "dryRun", r -> r.post("/api/v1/people"));
        String id = Places.place().name("Kept " + unique()).kind("town").create();
        refused(editor(), "force", r -> r.delete("/api/v1/places/" + id));
        editor().get("/api/v1/places/" + id).then().statusCode(200);
        refused(editor(), "state", r -> r.get("/api/v1/comments"));
        refused(admin(), "role", r -> r.get("/api/v1/tokens"));
    }

    @Test
    void declaredParametersStillWork() {
        anonymous()
                .queryParam("tag", "politics")
                .queryParam("limit", 1)
                .queryParam("total", false)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("limit", equalTo(1));
        anonymous().queryParam("limit", 5).get("/api/v1/changes").then().statusCode(200);
        anonymous()
                .queryParam("tag", "politics")
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200);
    }
}
