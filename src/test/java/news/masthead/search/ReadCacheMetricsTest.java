package news.masthead.search;

import io.quarkus.test.junit.QuarkusTest;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static news.masthead.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read cache's hits, misses, evictions and bytes are in /q/metrics. */
@QuarkusTest
class ReadCacheMetricsTest {

    private static double metric(String text, String name) {
        Matcher m =
                Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(text);
        assertTrue(m.find(), name + " in /q/metrics");
        return Double.parseDouble(m.group(2));
    }

    @Test
    void metricsCountHitsMissesEvictionsAndBytes() {
        String article = Articles.article().published().create();
        String before =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        anonymous()
                .get("/api/v1/articles/" + article + "?include=people")
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles/" + article + "?include=people")
                .then()
                .statusCode(200);
        String after =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metric(after, "masthead_read_cache_misses_total")
                >= metric(before, "masthead_read_cache_misses_total") + 1);
        assertTrue(metric(after, "masthead_read_cache_hits_total")
                >= metric(before, "masthead_read_cache_hits_total") + 1);
        assertTrue(metric(after, "masthead_read_cache_bytes") > 0);
        assertTrue(metric(after, "masthead_read_cache_entries") > 0);
        metric(after, "masthead_read_cache_evictions_total");
    }
}
