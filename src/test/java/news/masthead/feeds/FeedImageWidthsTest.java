package news.masthead.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import news.masthead.fixtures.Articles;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With widths other than the defaults (no 1280, no 1920), every image URL the feeds and ninjs emit is one of the
 * configured sizes, so each answers 200 instead of the 400 a size outside cms.images.widths gets.
 */
@QuarkusTest
@TestProfile(FeedImageWidthsTest.OtherWidths.class)
class FeedImageWidthsTest {

    public static class OtherWidths implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.images.widths", "200,400,800");
        }
    }

    private static final Pattern SRC = Pattern.compile("src=\"([^\"]+)\"");

    @Test
    void everyImageUrlTheFeedsEmitIsAConfiguredSizeAndAnswers200() throws Exception {
        String image = editor().contentType("image/jpeg")
                .body(TestImages.picture(1600, 900, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String tag = "widths-" + unique();
        String article = Articles.article()
                .headline("Widths " + tag)
                .published()
                .tags(tag)
                .with("leadImage", Map.of("imageId", image))
                .body(List.of(Map.of("type", "image", "imageId", image, "caption", "Again")))
                .create();
        String file = RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/images/" + image + "/file?";
        String standard = file + "w=800&format=jpeg&v=1";

        List<String> urls = new ArrayList<>();
        String atom = anonymous()
                .queryParam("tag", tag)
                .get("/api/v1/feeds/articles.atom")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher enclosure = Pattern.compile("rel=\"enclosure\" type=\"image/jpeg\" href=\"([^\"]+)\"")
                .matcher(atom);
        enclosure.find();
        urls.add(enclosure.group(1).replace("&amp;", "&"));
        // In Atom the content's HTML is escaped once more: &amp;quot; stands for a quote.
        urls.addAll(sources(atom.replace("&quot;", "\"").replace("&amp;", "&")));

        JsonPath json = anonymous()
                .queryParam("tag", tag)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        urls.add(json.getString("items[0].image"));
        urls.add(json.getString("items[0].banner_image"));
        urls.addAll(sources(json.getString("items[0].content_html")));

        JsonNode ninjs = new ObjectMapper()
                .readTree(anonymous()
                        .accept("application/ninjs+json")
                        .get("/api/v1/articles/" + article)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray());
        for (JsonNode association : ninjs.get("associations")) {
            association.get("renditions").forEach(r -> urls.add(r.get("href").asText()));
        }

        assertEquals(
                List.of(
                        standard,
                        standard,
                        standard,
                        file + "w=800&h=200&fit=cover&format=jpeg&v=1",
                        standard,
                        file + "w=200&format=jpeg&v=1",
                        file + "w=400&format=jpeg&v=1",
                        standard,
                        file + "w=200&format=jpeg&v=1",
                        file + "w=400&format=jpeg&v=1",
                        standard),
                urls);
        for (String url : urls) {
            anonymous().get(url).then().statusCode(200).contentType("image/jpeg");
        }
    }

    /** The img src of each figure in {@code html}, unescaped. */
    private static List<String> sources(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SRC.matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&"));
        }
        return out;
    }
}
