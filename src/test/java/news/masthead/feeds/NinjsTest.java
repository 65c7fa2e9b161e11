package news.masthead.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class NinjsTest {

    private static final String NINJS = "application/ninjs+json";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aVisibleArticleIsValidNinjsWithItsPeoplePlacesAndSubjects() throws Exception {
        String u = unique();
        String person = People.person().name("Andriy Ninjs " + u).create();
        String city = Places.place()
                .name("Izium " + u)
                .kind("city")
                .with("latitude", 49.2128)
                .with("longitude", 37.2569)
                .create();
        String area = Places.place().name("Front line " + u).kind("area").create();
        Instant published = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String id = Articles.article()
                .headline("Convoy leaves Izium " + u)
                .standfirst("Residents describe it.")
                .published()
                .publishedAt(published)
                .language("uk")
                .tags("war", "ukraine")
                .personIds(person)
                .placeIds(city, area)
                .body(List.of(
                        Map.of("type", "paragraph", "text", "First."), Map.of("type", "paragraph", "text", "Second.")))
                .create();
        Map<String, Object> article = anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");

        Response r = anonymous().accept(NINJS).get("/api/v1/articles/" + id);
        r.then().statusCode(200).contentType(startsWith(NINJS));
        JsonNode n = json.readTree(r.asByteArray());
        assertEquals(List.of(), MiniSchema.load("ninjs-2-subset.schema.json").validate(n));

        assertEquals("urn:uuid:" + id, n.get("uri").asText());
        assertEquals("text", n.get("type").asText());
        assertEquals("1", n.get("version").asText());
        assertTrue(n.get("version").isTextual());
        assertEquals(article.get("updatedAt"), n.get("versioncreated").asText());
        assertEquals(article.get("createdAt"), n.get("firstcreated").asText());
        assertEquals("usable", n.get("pubstatus").asText());
        assertEquals("uk", n.get("language").asText());
        assertEquals(
                json.readTree("[{\"role\":\"main\",\"contenttype\":\"text/plain\",\"value\":\"Convoy leaves Izium " + u
                        + "\"}]"),
                n.get("headlines"));
        assertEquals("Residents describe it.", n.at("/descriptions/0/value").asText());
        assertEquals(
                json.readTree("[{\"role\":\"main\",\"contenttype\":\"text/plain\",\"value\":\"First.\\n\\nSecond.\"}]"),
                n.get("bodies"));
        assertEquals("Andriy Ninjs " + u, n.at("/people/0/name").asText());
        assertEquals("about", n.at("/people/0/rel").asText());
        assertTrue(n.at("/people/0/uri").asText().endsWith("/api/v1/people/" + person));
        assertEquals("Izium " + u, n.at("/places/0/name").asText());
        assertEquals(
                json.readTree("{\"type\":\"Point\",\"coordinates\":[37.2569,49.2128]}"),
                n.at("/places/0/geometry_geojson"));
        assertTrue(n.at("/places/1/uri").asText().endsWith("/api/v1/places/" + area));
        assertTrue(n.at("/places/1/geometry_geojson").isMissingNode(), "no coordinates, no geometry");
        assertEquals(
                List.of("war", "ukraine"),
                List.of(
                        n.at("/subjects/0/name").asText(),
                        n.at("/subjects/1/name").asText()));
    }

    @Test
    void theLeadImageAndBodyImageBlocksArePictureAssociationsWithRenditions() throws Exception {
        String image = editor().contentType("image/jpeg")
                .body(TestImages.picture(1600, 900, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        editor().body(Map.of("alt", "A convoy at dawn", "credit", "Masthead/Test", "copyright", "Masthead 2026"))
                .patch("/api/v1/images/" + image)
                .then()
                .statusCode(200);
        String inBody = editor().contentType("image/png")
                .body(TestImages.picture(400, 300, "png"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String id = Articles.article()
                .headline("Ninjs picture " + unique())
                .published()
                .with("leadImage", Map.of("imageId", image, "caption", "The convoy"))
                .body(List.of(
                        Map.of("type", "paragraph", "text", "They left."),
                        Map.of("type", "image", "imageId", inBody, "caption", "Unloading")))
                .create();

        JsonNode n = json.readTree(anonymous()
                .accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        assertEquals(List.of(), MiniSchema.load("ninjs-2-subset.schema.json").validate(n));
        String root = RestAssured.baseURI + ":" + RestAssured.port + "/";
        String file = root + "api/v1/images/" + image + "/file?w=";
        assertEquals(
                json.readTree("""
                [{"name": "leadimage", "type": "picture", "uri": "%1$sapi/v1/images/%2$s", "version": "2",
                  "descriptions": [{"role": "caption", "contenttype": "text/plain", "value": "The convoy"},
                                   {"role": "alt", "contenttype": "text/plain", "value": "A convoy at dawn"}],
                  "by": "Masthead/Test", "copyrightnotice": "Masthead 2026",
                  "renditions": [
                    {"name": "w160", "href": "%3$s160&format=jpeg&v=2", "contenttype": "image/jpeg", "width": 160, "height": 90},
                    {"name": "w320", "href": "%3$s320&format=jpeg&v=2", "contenttype": "image/jpeg", "width": 320, "height": 180},
                    {"name": "w640", "href": "%3$s640&format=jpeg&v=2", "contenttype": "image/jpeg", "width": 640, "height": 360},
                    {"name": "w960", "href": "%3$s960&format=jpeg&v=2", "contenttype": "image/jpeg", "width": 960, "height": 540},
                    {"name": "w1280", "href": "%3$s1280&format=jpeg&v=2", "contenttype": "image/jpeg", "width": 1280, "height": 720}]},
                 {"name": "image1", "type": "picture", "uri": "%1$sapi/v1/images/%4$s", "version": "1",
                  "descriptions": [{"role": "caption", "contenttype": "text/plain", "value": "Unloading"}],
                  "renditions": [
                    {"name": "w160", "href": "%5$s160&format=jpeg&v=1", "contenttype": "image/jpeg", "width": 160, "height": 120},
                    {"name": "w320", "href": "%5$s320&format=jpeg&v=1", "contenttype": "image/jpeg", "width": 320, "height": 240}]}]
                """.formatted(root, image, file, inBody, root + "api/v1/images/" + inBody + "/file?w=")),
                n.get("associations"));
        anonymous()
                .get(n.at("/associations/1/renditions/1/href").asText())
                .then()
                .statusCode(200)
                .contentType("image/jpeg");
        byte[] w640 = anonymous()
                .get(n.at("/associations/0/renditions/2/href").asText())
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertEquals(
                List.of(640, 360),
                List.of(TestImages.read(w640).getWidth(), TestImages.read(w640).getHeight()));
    }

    @Test
    void withoutAskingForNinjsTheArticleIsJson() {
        String id = Articles.article()
                .headline("Plain JSON " + unique())
                .published()
                .create();
        anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo(id));
        RestAssured.given()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        RestAssured.given()
                .accept("*/*")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        anonymous()
                .accept("application/json")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void anonymousCallersGet404ForADraftAndEditorsSeeItWithheld() {
        String id = Articles.article().headline("Ninjs draft " + unique()).create();
        anonymous()
                .accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        editor().accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("withheld"));
        Articles.edit().archived().patch(id).then().statusCode(200);
        editor().accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("canceled"))
                .body("version", equalTo("2"));
        anonymous().accept(NINJS).get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void aScheduledArticleIsWithheldAndEmbargoedUntilItsTime() {
        Instant when = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        String id = Articles.article()
                .headline("Ninjs later " + unique())
                .scheduled()
                .publishedAt(when)
                .create();
        anonymous().accept(NINJS).get("/api/v1/articles/" + id).then().statusCode(404);
        editor().accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("pubstatus", equalTo("withheld"))
                .body("embargoed", equalTo(when.toString()));
    }

    @Test
    void ninjsHasItsOwnStrongEtagAndAnswers304() {
        String u = unique();
        String person = People.person().name("Etag Person " + u).create();
        String id = Articles.article()
                .headline("Ninjs etag " + u)
                .published()
                .personIds(person)
                .create();
        String jsonTag =
                anonymous().get("/api/v1/articles/" + id).then().extract().header("ETag");
        String tag = anonymous()
                .accept(NINJS)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("Last-Modified", not(emptyString()))
                .header("Vary", containsString("Accept"))
                .extract()
                .header("ETag");
        assertTrue(tag.startsWith("\""), "strong: " + tag);
        assertNotEquals(jsonTag, tag, "two representations, two tags");
        anonymous()
                .accept(NINJS)
                .header("If-None-Match", tag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(304)
                .header("ETag", equalTo(tag));
        editor().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed " + u))
                .patch("/api/v1/people/" + person)
                .then()
                .statusCode(200);
        String renamed = anonymous()
                .accept(NINJS)
                .header("If-None-Match", tag)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("people[0].name", equalTo("Renamed " + u))
                .extract()
                .header("ETag");
        Articles.edit().headline("Changed " + u).patch(id).then().statusCode(200);
        String changed = anonymous()
                .accept(NINJS)
                .header("If-None-Match", renamed)
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo("2"))
                .extract()
                .header("ETag");
        assertFalse(changed.equals(renamed) || changed.equals(tag));
    }
}
