package news.masthead.operations;

import io.quarkus.test.junit.QuarkusTest;
import news.masthead.fixtures.People;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class RequestMetricsTest {

    @Test
    void everyAnswerIsCountedUnderItsRouteTemplateAReplayToo() {
        String person = People.person().create();
        String series = "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/people/{idOrSlug}\"";
        double before = count(series);
        for (int i = 0; i < 3; i++) { // the second and third are replayed by the read cache
            given().get("/api/v1/people/" + person).then().statusCode(200);
        }
        assertEquals(before + 3, count(series));
    }

    @Test
    void anUnknownPathIsCountedAsNotFoundNotByItsPath() {
        String series = "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"";
        double before = count(series);
        given().get("/no-such-page-" + System.nanoTime()).then().statusCode(404);
        assertEquals(before + 1, count(series));
    }

    @Test
    void aClientErrorOfARouteIsCountedUnderItsTemplate() {
        String series = "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"400\",uri=\"/api/v1/articles\"";
        double before = count(series);
        given().get("/api/v1/articles?limit=0").then().statusCode(400);
        assertEquals(before + 1, count(series));
    }

    @Test
    void aMethodOfTheClientsOwnIsCountedAsUnknownNotByItsName() {
        String method = "BREW" + System.nanoTime();
        String series = "method=\"UNKNOWN\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"UNKNOWN\"";
        double before = count(series);
        given().request(method, "/api/v1/articles").then().statusCode(405);
        assertEquals(before + 1, count(series));
        assertFalse(given().get("/q/metrics").then().extract().asString().contains(method));
    }

    /** The series' count in /q/metrics (0 before its first request); /q/ requests are not counted themselves. */
    private static double count(String labels) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{" + Pattern.quote(labels) + "} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
