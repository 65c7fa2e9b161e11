package news.masthead.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OpenApiSpecTest {

    @Test
    void committedSpecIsExactlyTheServedSpec() throws Exception {
        String served = given().get("/openapi").then().statusCode(200).extract().asString();
        Path file = Path.of("openapi/openapi.yaml");
        if (System.getProperty("openapi.update") != null) {
            Files.writeString(file, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(
                committed, served, "openapi/openapi.yaml is stale: run ./mvnw verify -Dopenapi.update and commit it");
    }

    @Test
    void specIsAlsoServedAsJson() {
        given().queryParam("format", "json")
                .get("/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .body("info.title", equalTo("Masthead API"))
                .body("paths.'/api/v1/articles'.get.summary", equalTo("List articles"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }
}
