package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import news.masthead.fixtures.People;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CachingAndCorsTest {

    private static final String NEWSROOM = "https://newsroom.example";

    @Test
    void anonymousReadsAreBrieflyPublicAndVaryOnWhatChangesTheBody() {
        anonymous()
                .get("/api/v1/people")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400"))
                .header("Vary", equalTo("Accept, Authorization, Origin"));
    }

    @Test
    void authenticatedReadsAreNeverStored() {
        editor().get("/api/v1/people").then().statusCode(200).header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void writesAndErrorsAreNotCached() {
        People.person()
                .name("Cache Probe " + news.masthead.Api.unique())
                .post()
                .then()
                .statusCode(201)
                .header("Cache-Control", equalTo("no-store"));
        anonymous()
                .get("/api/v1/people/no-such-person-anywhere")
                .then()
                .statusCode(404)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void unchangedListPageAnswers304ToItsWeakETag() {
        String etag = anonymous()
                .get("/api/v1/places?limit=5")
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .extract()
                .header("ETag");
        anonymous()
                .header("If-None-Match", etag)
                .get("/api/v1/places?limit=5")
                .then()
                .statusCode(304)
                .body(emptyString());
        news.masthead.Api.place("Etag Probe " + news.masthead.Api.unique(), "town", null);
        // The page may or may not include the new place, but its total changed, so its tag did.
        anonymous()
                .header("If-None-Match", etag)
                .get("/api/v1/places?limit=5")
                .then()
                .statusCode(200);
    }

    @Test
    void largeResponsesAreGzippedWhenAccepted() {
        for (int i = 0; i < 6; i++) {
            news.masthead.Api.person("Gzip Probe " + news.masthead.Api.unique());
        }
        RestAssured.given()
                .header("Accept-Encoding", "gzip")
                .get("/api/v1/people?limit=100")
                .then()
                .statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void anyOriginMayRead() {
        anonymous()
                .header("Origin", "https://reader.example")
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://reader.example"));
        anonymous()
                .header("Origin", "https://reader.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("https://reader.example"));
    }

    @Test
    void onlyConfiguredOriginsMayWrite() {
        editor().header("Origin", NEWSROOM)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/api/v1/people")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(NEWSROOM))
                .header("Access-Control-Allow-Headers", startsWith("Authorization"));
        editor().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/people")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        editor().header("Origin", "https://evil.example")
                .body(Map.of("name", "Cross Origin"))
                .post("/api/v1/people")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        editor().header("Origin", NEWSROOM)
                .body(Map.of("name", "Same Newsroom " + news.masthead.Api.unique()))
                .post("/api/v1/people")
                .then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", equalTo(NEWSROOM));
    }
}
