package news.masthead.images;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.masthead.Api;
import news.masthead.SqlStatements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.masthead.Api.fields;
import static news.masthead.images.TestImages.uploaded;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ImageUseTest {

    @Inject
    SqlStatements statements;

    private static String image(String alt) {
        String id = uploaded(TestImages.picture(640, 480, "jpeg"), "image/jpeg");
        Api.editor()
                .body(Map.of("alt", alt, "caption", "Own caption", "credit", "Masthead/Test"))
                .patch("/api/v1/images/" + id)
                .then()
                .statusCode(200);
        return id;
    }

    private static String articleWith(String imageId, String status) {
        return Api.create(
                "articles",
                fields(
                        "headline",
                        "With image " + Api.unique(),
                        "status",
                        status,
                        "leadImage",
                        Map.of("imageId", imageId, "caption", "Lead caption"),
                        "body",
                        List.of(Map.of("type", "image", "imageId", imageId, "caption", "In the body"))));
    }

    @Test
    void referencesMustExistAndTheErrorNamesTheField() {
        String missing = "00000000-0000-4000-8000-000000000001";
        Api.invalid(
                Api.editor()
                        .body(fields("headline", "x", "leadImage", Map.of("imageId", missing)))
                        .post("/api/v1/articles"),
                "leadImage.imageId");
        Api.invalid(
                Api.editor()
                        .body(fields("headline", "x", "body", List.of(Map.of("type", "image", "imageId", missing))))
                        .post("/api/v1/articles"),
                "body[0].imageId");
        Api.invalid(
                Api.editor()
                        .body(fields("headline", "x", "body", List.of(Map.of("type", "image"))))
                        .post("/api/v1/articles"),
                "body[0].imageId");
        Api.invalid(
                Api.editor().body(fields("name", "Nobody", "imageId", missing)).post("/api/v1/people"), "imageId");
    }

    @Test
    void anonymousCallersSeeAnImageOnlyWhileAVisibleArticleUsesIt() {
        String id = image("Convoy at dawn");
        String article = articleWith(id, "draft");
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(404);
        Api.anonymous().get("/api/v1/images/" + id + "/file?w=320").then().statusCode(404);
        Api.editor()
                .body(Map.of("status", "published"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(200).body("alt", equalTo("Convoy at dawn"));
        RestAssured.given()
                .get("/api/v1/images/" + id + "/file?w=320&v=2")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        RestAssured.given()
                .get("/api/v1/images/" + id + "/file?w=320")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=60");
        Api.anonymous().get("/api/v1/images?limit=100").then().statusCode(200).body("items.id", hasItem(id));
        Api.editor()
                .body(Map.of("status", "archived"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(404);
        Api.anonymous().get("/api/v1/images/" + id + "/file?w=320").then().statusCode(404);
        Api.anonymous().get("/api/v1/images?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.editor().get("/api/v1/images/" + id).then().statusCode(200);
    }

    @Test
    void aPortraitMakesAnImagePublicWhileItIsThePortrait() {
        String id = image("Portrait");
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(404);
        String person = Api.create("people", fields("name", "Olena " + Api.unique(), "imageId", id));
        Api.anonymous().get("/api/v1/people/" + person).then().statusCode(200).body("imageId", equalTo(id));
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(200);
        Api.anonymous().get("/api/v1/images/" + id + "/file?w=320").then().statusCode(200);
        Map<String, Object> noPortrait = new java.util.HashMap<>();
        noPortrait.put("imageId", null);
        Api.anonymous().get("/api/v1/images?limit=100").then().statusCode(200).body("items.id", hasItem(id));
        Api.editor().body(noPortrait).patch("/api/v1/people/" + person).then().statusCode(200);
        Api.anonymous().get("/api/v1/images?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(404);
        Api.anonymous().get("/api/v1/images/" + id + "/file?w=320").then().statusCode(404);
    }

    @Test
    void aMatchingConditionalReadOfAnImageRunsNoStatementUntilItsArticleIsUnpublished() {
        String id = image("Cached");
        String article = articleWith(id, "published");
        String etag = Api.anonymous()
                .get("/api/v1/images/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        statements.clear();
        Api.anonymous()
                .header("If-None-Match", etag)
                .get("/api/v1/images/" + id)
                .then()
                .statusCode(304);
        assertEquals(0, statements.count(), "SQL statements for the 304 of a cached image record");
        Api.editor()
                .body(fields("status", "draft"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        Api.anonymous().get("/api/v1/images/" + id).then().statusCode(404);
    }

    @Test
    void deletingAUsedImageIs409NamingAUser() {
        String id = image("Used");
        String headline = "Uses the image " + Api.unique();
        String article = Api.create("articles", fields("headline", headline, "leadImage", Map.of("imageId", id)));
        Api.problem(Api.editor().delete("/api/v1/images/" + id), 409).body("detail", containsString(headline));
        Api.editor()
                .body(fields("leadImage", null))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200)
                .body("leadImage", nullValue());
        Api.editor().delete("/api/v1/images/" + id).then().statusCode(204);
        Api.editor().get("/api/v1/images/" + id).then().statusCode(404);
    }

    @Test
    void articleJsonResolvesTheLeadImageAndIncludeImagesAddsTheRecords() {
        String id = image("Map of the front");
        String article = articleWith(id, "published");
        String written = Api.editor()
                .get("/api/v1/articles/" + article)
                .then()
                .statusCode(200)
                .body("leadImage.imageId", equalTo(id))
                .body("leadImage.caption", equalTo("Lead caption"))
                .body("leadImage.url", equalTo("/api/v1/images/" + id + "/file?v=2"))
                .body("leadImage.width", equalTo(640))
                .body("leadImage.height", equalTo(480))
                .body("leadImage.alt", equalTo("Map of the front"))
                .body("body[0].type", equalTo("image"))
                .body("body[0].caption", equalTo("In the body"))
                .extract()
                .asString();
        // The write path (Java) and the read path (SQL) give the same bytes.
        String patched = Api.editor()
                .body(Map.of())
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(written, patched);
        JsonPath included = Api.anonymous()
                .get("/api/v1/articles/" + article + "?include=images")
                .then()
                .statusCode(200)
                .body("images", hasSize(1))
                .extract()
                .jsonPath();
        assertEquals(id, included.getString("images[0].id"));
        assertEquals("Masthead/Test", included.getString("images[0].credit"));
        assertEquals(
                Api.editor()
                        .get("/api/v1/images/" + id)
                        .then()
                        .extract()
                        .jsonPath()
                        .getMap(""),
                included.getMap("images[0]"));
        // A new alt is a new image version: the (cached) article follows at once (images are part of the read cache's
        // version).
        Api.editor()
                .body(Map.of("alt", "Map, updated"))
                .patch("/api/v1/images/" + id)
                .then()
                .statusCode(200);
        Api.anonymous()
                .get("/api/v1/articles/" + article)
                .then()
                .statusCode(200)
                .body("leadImage.alt", equalTo("Map, updated"))
                .body("leadImage.url", equalTo("/api/v1/images/" + id + "/file?v=3"));
    }

    @Test
    void aListedImageIsItsSingleGetByteForByteForEitherCaller() throws Exception {
        String person = Api.person("Pictured " + Api.unique());
        String other = Api.person("Also pictured " + Api.unique());
        String place = Api.place("Kupiansk " + Api.unique(), "town", null);
        String id = uploaded(TestImages.picture(64, 48, "png"), "image/png");
        Map<String, Object> metadata = new java.util.LinkedHashMap<>(fields(
                "alt", "A \"bridge\" at dusk \u2014 Міст",
                "caption", "Seen from the east bank",
                "credit", "Masthead/Test",
                "copyright", "© Masthead",
                "source", "staff",
                "takenAt", "2026-02-03T04:05:06.789Z",
                "focalPoint", Map.of("x", 0.25, "y", 0.7),
                "personIds", List.of(person, other),
                "placeId", place));
        Api.editor().body(metadata).patch("/api/v1/images/" + id).then().statusCode(200);
        uploaded(TestImages.picture(50, 50, "png"), "image/png"); // no metadata at all
        articleWith(id, "published");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (var caller : List.<java.util.function.Supplier<io.restassured.specification.RequestSpecification>>of(
                Api::anonymous, Api::editor)) {
            String list = caller.get()
                    .get("/api/v1/images?person=" + other)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            var items = json.readTree(list).get("items");
            assertEquals(1, items.size());
            String single = caller.get()
                    .get("/api/v1/images/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(json.readTree(single).toString(), items.get(0).toString());
        }
        String newest = Api.editor()
                .get("/api/v1/images?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String bare = json.readTree(newest).get("items").get(0).get("id").asText();
        String single = Api.editor()
                .get("/api/v1/images/" + bare)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                json.readTree(single).toString(),
                json.readTree(newest).get("items").get(0).toString());
    }

    @Test
    void listFiltersByTextPersonAndPlace() {
        String word = "zebra" + Api.unique().replaceAll("[0-9]", "");
        String person = Api.person("Shown " + Api.unique());
        String place = Api.place("Izium " + Api.unique(), "town", null);
        String id = uploaded(TestImages.picture(50, 50, "png"), "image/png");
        Api.editor()
                .body(Map.of("caption", "A " + word + " crossing", "personIds", List.of(person), "placeId", place))
                .patch("/api/v1/images/" + id)
                .then()
                .statusCode(200);
        uploaded(TestImages.picture(50, 50, "png"), "image/png");
        Api.editor().get("/api/v1/images?q=" + word).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        Api.editor()
                .get("/api/v1/images?person=" + person)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        Api.editor()
                .get("/api/v1/images?place=" + place)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("total", equalTo(1));
        Api.invalid(Api.editor().get("/api/v1/images?sort=alt"), "sort");
        Api.problem(Api.editor().get("/api/v1/images?credit=x"), 400);
    }

    @Test
    void theAnonymousChangeFeedAnnouncesAnImageWhenItsArticleIsPublishedAndWithdrawsIt() {
        String start = Api.anonymous()
                .get("/api/v1/changes?limit=1000")
                .then()
                .extract()
                .path("next");
        String id = image("Feed");
        String article = articleWith(id, "published");
        Api.editor()
                .body(Map.of("status", "draft"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        List<Map<String, Object>> items = Api.anonymous()
                .get("/api/v1/changes?limit=1000&after=" + start)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<String> ops = items.stream()
                .filter(i -> id.equals(i.get("id")))
                .map(i -> i.get("collection") + ":" + i.get("op"))
                .toList();
        assertEquals(List.of("images:upsert", "images:delete"), ops);
        List<Map<String, Object>> all = Api.editor()
                .get("/api/v1/changes?limit=1000&after=" + start)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                List.of("images:upsert", "images:upsert"),
                all.stream()
                        .filter(i -> id.equals(i.get("id")))
                        .map(i -> i.get("collection") + ":" + i.get("op"))
                        .toList()); // the upload and the metadata patch
    }
}
