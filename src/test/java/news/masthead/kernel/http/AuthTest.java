package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthTest {

    private static void unauthorized(Response response) {
        problem(response, 401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void createWithoutATokenIs401WithABearerChallenge() {
        String u = unique();
        unauthorized(Articles.article().headline("Anon " + u).post(anonymous()));
        unauthorized(People.person().name("Anon " + u).post(anonymous()));
        unauthorized(Places.place().name("Anon " + u).post(anonymous()));
        unauthorized(Quotes.quote().text("Anon").speaker(person("Anon " + u)).post(anonymous()));
    }

    @Test
    void changesWithoutATokenAre401AndChangeNothing() {
        String u = unique();
        String personId = person("Protected " + u);
        Map<String, String> paths = Map.of(
                "articles", article("published"),
                "people", personId,
                "places", place("Protected " + u, "city", null),
                "quotes", quote("Protected", personId, null));
        paths.forEach((collection, id) -> {
            String path = "/api/v1/" + collection + "/" + id;
            unauthorized(anonymous()
                    .body(Map.of("name", "x", "headline", "x", "text", "x"))
                    .put(path));
            unauthorized(anonymous()
                    .contentType("application/merge-patch+json")
                    .body(Map.of("name", "x"))
                    .patch(path));
            unauthorized(anonymous().delete(path));
            read(collection, id).response().then().body("version", equalTo(1));
        });
    }

    @Test
    void aWrongTokenIs401EvenOnAPublicRead() {
        String id = person("Public " + unique());
        for (String path : List.of("/api/v1/people", "/api/v1/people/" + id, "/api/v1/articles")) {
            unauthorized(
                    anonymous().header("Authorization", "Bearer not-the-token").get(path));
        }
        unauthorized(anonymous()
                .header("Authorization", "Bearer not-the-token")
                .body(Map.of("name", "Wrong " + unique()))
                .post("/api/v1/people"));
    }

    @Test
    void aNonBearerAuthorizationIs401() {
        unauthorized(
                anonymous().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/people"));
        unauthorized(anonymous().header("Authorization", "test-admin-token").get("/api/v1/people"));
        unauthorized(anonymous().header("Authorization", "Bearer ").get("/api/v1/people"));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        RestAssured.given()
                .contentType("application/json")
                .header("Authorization", "bearer test-admin-token")
                .body(Map.of("name", "Lower-case scheme " + unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(201);
    }

    @Test
    void readsNeedNoToken() {
        String u = unique();
        String personId = person("Open " + u);
        String placeId = place("Open " + u, "town", null);
        String articleId = article("published");
        String quoteId = quote("Open", personId, articleId);
        for (String path : List.of(
                "/api/v1/articles",
                "/api/v1/people",
                "/api/v1/places",
                "/api/v1/quotes",
                "/api/v1/articles/" + articleId,
                "/api/v1/people/" + personId,
                "/api/v1/places/" + placeId,
                "/api/v1/quotes/" + quoteId)) {
            anonymous().get(path).then().statusCode(200);
        }
    }

    @Test
    void theAdminTokenMayWrite() {
        People.person().name("Admin wrote " + unique()).post().then().statusCode(201);
    }
}
