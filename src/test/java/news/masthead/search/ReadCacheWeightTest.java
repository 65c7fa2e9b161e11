package news.masthead.search;

import io.quarkus.test.junit.QuarkusTest;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kept answer sends the body of the value it was made from as it is: the read cache weighs that body once, by the
 * value while both are kept, by the answer once the value has gone, so its byte budget holds what it says.
 */
@QuarkusTest
class ReadCacheWeightTest {

    /** Headers, keys and dependencies of a value and an answer: well under a body of 38 KB. */
    private static final int OVERHEAD = 4096;

    private static long weighed() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^masthead_read_cache_bytes(\\{[^}]*})? ([0-9.E+-]+)$")
                .matcher(text);
        assertTrue(m.find(), "masthead_read_cache_bytes in /q/metrics");
        return (long) Double.parseDouble(m.group(2));
    }

    /** A published article of about 38 KB. */
    private static String longArticle() {
        List<Map<String, String>> body = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            body.add(Map.of("type", "paragraph", "text", ("Paragraph " + i + " of a long report. ").repeat(30)));
        }
        return Articles.article().body(body).published().create();
    }

    @Test
    void anAnswerAndTheValueItSendsWeighTheBodyOnce() {
        String url = "/api/v1/articles/" + longArticle();
        long before = weighed();
        int body = anonymous().get(url).then().statusCode(200).extract().asByteArray().length;
        long kept = weighed() - before;
        assertTrue(body > 30_000, "body of " + body + " bytes");
        assertTrue(kept >= body && kept < body + OVERHEAD, "kept " + kept + " for a body of " + body);
        anonymous().get(url).then().statusCode(200); // replayed: nothing more is kept
        assertEquals(before + kept, weighed());
    }

    @Test
    void anAnswerWhoseValueHasGoneWeighsTheBodyItself() {
        String article = longArticle();
        String url = "/api/v1/articles/" + article;
        int first = anonymous().get(url).then().statusCode(200).extract().asByteArray().length;
        editor().body(Map.of("headline", "Edited at length")).patch(url).then().statusCode(200);
        long before = weighed();
        // Another variant of the answer: the edited value replaces the first (same weight), whose answer now holds
        // its body alone; the new variant's answer shares the edited value's.
        anonymous().header("Accept", "application/json").get(url).then().statusCode(200);
        long grown = weighed() - before;
        assertTrue(grown >= first && grown < first + OVERHEAD, "grew by " + grown + " for a body of " + first);
        // The first variant's answer is made again from the kept value: it sheds the old body's weight.
        before = weighed();
        anonymous().get(url).then().statusCode(200);
        long shed = before - weighed();
        assertTrue(shed > first - OVERHEAD && shed <= first, "shed " + shed + " of a body of " + first);
    }
}
