package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ErrorsTest {

    @Test
    void unknownRouteIsProblemJson404() {
        anonymous()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("type", equalTo("about:blank"));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        editor().delete("/api/v1/people")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, POST, HEAD, OPTIONS"))
                .body("status", equalTo(405));
    }

    @Test
    void wrongContentTypeIs415() {
        RestAssured.given()
                .header("Authorization", "Bearer " + news.masthead.Api.ADMIN_TOKEN)
                .contentType("text/plain")
                .body("name=x")
                .post("/api/v1/people")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String big = "{\"name\":\"" + "a".repeat(1024 * 1024) + "\"}";
        editor().body(big)
                .post("/api/v1/people")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void malformedJsonIs400() {
        editor().body("{\"name\": ")
                .post("/api/v1/people")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", startsWith("Malformed JSON"));
    }
}
