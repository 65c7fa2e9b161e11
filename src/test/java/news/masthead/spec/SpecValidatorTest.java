package news.masthead.spec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SpecValidatorTest {

    @Test
    void aRequestMadeWithPlainRestAssuredIsValidatedToo() {
        long validated = SpecValidator.count(SpecValidator.VALIDATED);
        long unmatched = SpecValidator.count(SpecValidator.UNMATCHED);
        RestAssured.given().get("/api/v1/people").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        assertEquals(validated + 1, SpecValidator.count(SpecValidator.VALIDATED));
        assertEquals(unmatched + 1, SpecValidator.count(SpecValidator.UNMATCHED));
    }
}
