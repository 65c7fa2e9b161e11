package news.masthead.kernel.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static news.masthead.Api.admin;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.invalid;
import static news.masthead.Api.quote;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** {@code fields=}: sparse fieldsets on every list and single GET (API.md, "Collections"). */
@QuarkusTest
class SparseFieldsetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anArticleListKeepsOnlyTheFieldsAskedForInTheRecordsOrder() {
        String tag = "teaser-" + unique();
        String id = Articles.article()
                .headline("Teaser headline")
                .standfirst("Teaser standfirst")
                .tags(tag)
                .published()
                .publishedAt("2026-03-01T08:00:00Z")
                .create();
        String slug = editor().get("/api/v1/articles/" + id).then().extract().path("slug");
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&fields=publishedAt,headline,slug,standfirst")
                .then()
                .statusCode(200)
                .body(equalTo("{\"items\":[{\"id\":\"" + id + "\",\"slug\":\"" + slug
                        + "\",\"headline\":\"Teaser headline\",\"standfirst\":\"Teaser standfirst\","
                        + "\"publishedAt\":\"2026-03-01T08:00:00Z\"}],\"total\":1,\"limit\":20,\"next\":null}"));
    }

    @Test
    void aSingleArticleKeepsOnlyTheFieldsAskedForAndAlwaysItsId() {
        String id = Articles.article().headline("Only the headline").published().create();
        anonymous()
                .get("/api/v1/articles/" + id + "?fields=headline")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body(equalTo("{\"id\":\"" + id + "\",\"headline\":\"Only the headline\"}"));
    }

    @Test
    void everyListAndSingleGetOfEveryCollectionTakesFields() {
        String person = People.person().name("Sparse Person " + unique()).create();
        String place =
                Places.place().name("Sparse Place " + unique()).kind("city").create();
        String article =
                Articles.article().personIds(person).placeIds(place).published().create();
        String quote = quote("Sparse words " + unique(), person, article);
        String comment = Comments.commentOn(article).create();
        editor().body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + comment)
                .then()
                .statusCode(200);
        String image = upload();
        String webhook = admin().body(fields("url", "https://192.0.2.10/sparse", "active", false))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String token = admin().get("/api/v1/tokens?limit=1").then().extract().path("items[0].id");
        try {
            sparse(Api::anonymous, "/api/v1/articles?person=" + person, "headline,slug", true);
            sparse(Api::anonymous, "/api/v1/articles/" + article, "status,personIds", false);
            sparse(Api::anonymous, "/api/v1/people/" + person + "/articles", "headline", true);
            sparse(Api::anonymous, "/api/v1/places/" + place + "/articles", "tags", true);
            sparse(Api::anonymous, "/api/v1/people?q=sparse", "name,slug", true);
            sparse(Api::anonymous, "/api/v1/people/" + person, "name", false);
            sparse(Api::anonymous, "/api/v1/places?kind=city", "name,kind", true);
            sparse(Api::anonymous, "/api/v1/places/" + place, "latitude,name", false);
            sparse(Api::anonymous, "/api/v1/quotes?speaker=" + person, "text", true);
            sparse(Api::anonymous, "/api/v1/quotes/" + quote, "speakerId,text", false);
            sparse(Api::anonymous, "/api/v1/people/" + person + "/quotes", "saidAt", true);
            sparse(Api::anonymous, "/api/v1/articles/" + article + "/comments", "body", true);
            sparse(Api::editor, "/api/v1/comments?article=" + article, "authorEmail", true);
            sparse(Api::editor, "/api/v1/comments/" + comment, "authorEmail,status", false);
            sparse(Api::editor, "/api/v1/images", "width,height", true);
            sparse(Api::editor, "/api/v1/images/" + image, "url,alt", false);
            sparse(Api::admin, "/api/v1/tokens", "name,role", true);
            sparse(Api::admin, "/api/v1/tokens/" + token, "name", false);
            sparse(Api::admin, "/api/v1/webhooks", "url,active", true);
            sparse(Api::admin, "/api/v1/webhooks/" + webhook, "events", false);
            admin().get("/api/v1/webhooks/" + webhook + "/deliveries?fields=seq")
                    .then()
                    .statusCode(200)
                    .body(equalTo("{\"items\":[],\"total\":0,\"limit\":20,\"next\":null}"));
            invalid(admin().get("/api/v1/webhooks/" + webhook + "/deliveries?fields=secret"), "fields");
        } finally {
            admin().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        invalid(anonymous().get("/api/v1/articles?fields=id,headlne"), "fields")
                .body("errors[0].message", containsString("'headlne'"))
                .body("errors[0].message", containsString("headline"));
        invalid(anonymous().get("/api/v1/people/" + People.person().create() + "?fields=bio"), "fields")
                .body("errors[0].message", containsString("'bio'"));
    }

    @Test
    void anEmptyFieldsetOrAnEmptyNameIs400() {
        invalid(anonymous().get("/api/v1/articles?fields="), "fields");
        invalid(anonymous().get("/api/v1/articles?fields=id,,slug"), "fields");
    }

    @Test
    void aFieldNamedTwiceOrWithSpacesCountsOnce() {
        String id = Articles.article().headline("Twice").published().create();
        anonymous()
                .get("/api/v1/articles/" + id + "?fields=headline, headline,id")
                .then()
                .statusCode(200)
                .body(equalTo("{\"id\":\"" + id + "\",\"headline\":\"Twice\"}"));
    }

    @Test
    void feedsNinjsAndTheChangeFeedTakeNoFields() {
        String id = Articles.article().published().create();
        invalid(anonymous().get("/api/v1/feeds/articles.json?fields=id"), "fields");
        invalid(anonymous().get("/api/v1/changes?fields=id"), "fields");
        invalid(
                anonymous().accept("application/ninjs+json").get("/api/v1/articles/" + id + "?fields=headline"),
                "fields");
    }

    @Test
    void anIncludedArrayAppearsOnlyWhenListedToo() {
        String person = People.person().name("Included " + unique()).create();
        String id = Articles.article().personIds(person).published().create();
        String path = "/api/v1/articles/" + id;
        anonymous()
                .get(path + "?include=people&fields=headline,people")
                .then()
                .statusCode(200)
                .body("keySet()", equalTo(Set.of("id", "headline", "people")))
                .body("people", hasSize(1))
                .body("people[0].id", equalTo(person))
                .body("people[0].name", startsWith("Included "));
        anonymous()
                .get(path + "?include=people&fields=headline")
                .then()
                .statusCode(200)
                .body("keySet()", equalTo(Set.of("id", "headline")));
        anonymous().get(path + "?fields=people").then().statusCode(200).body(equalTo("{\"id\":\"" + id + "\"}"));
        String tag = "incl-" + unique();
        Articles.edit().tags(tag).patch(id);
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&include=people&fields=people")
                .then()
                .statusCode(200)
                .body("items[0].keySet()", equalTo(Set.of("id", "people")))
                .body("items[0].people[0].id", equalTo(person));
    }

    @Test
    void aSparseRecordHasItsOwnStrongETagAndAnswers304ToIt() {
        String id = Articles.article().published().create();
        String path = "/api/v1/articles/" + id;
        String full = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        Response sparse = anonymous().get(path + "?fields=headline");
        String tag = sparse.then().statusCode(200).extract().header("ETag");
        assertEquals(full.substring(0, full.length() - 1) + "-", tag.substring(0, full.length()));
        assertNotEquals(full, tag);
        assertNotEquals(
                tag,
                anonymous()
                        .get(path + "?fields=slug")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag"));
        assertEquals(
                tag,
                anonymous()
                        .get(path + "?fields=id,headline")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("ETag"),
                "the same fieldset, however written, is the same copy");
        anonymous()
                .header("If-None-Match", tag)
                .get(path + "?fields=headline")
                .then()
                .statusCode(304)
                .header("ETag", tag);
        anonymous()
                .header("If-None-Match", full)
                .get(path + "?fields=headline")
                .then()
                .statusCode(200)
                .header("ETag", tag);
        anonymous()
                .header("If-None-Match", tag)
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", full);
        anonymous()
                .header("If-Modified-Since", sparse.header("Last-Modified"))
                .get(path + "?fields=headline")
                .then()
                .statusCode(304);
        Articles.edit().headline("Changed " + unique()).patch(id);
        anonymous()
                .header("If-None-Match", tag)
                .get(path + "?fields=headline")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(tag)));
    }

    @Test
    void aSparseListHasItsOwnETagAndAnswers304ToIt() {
        String tag = "etag-" + unique();
        Articles.article().tags(tag).published().create();
        String path = "/api/v1/articles?tag=" + tag;
        String full = anonymous().get(path).then().statusCode(200).extract().header("ETag");
        String sparse = anonymous()
                .get(path + "&fields=slug")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertNotEquals(full, sparse);
        anonymous()
                .header("If-None-Match", sparse)
                .get(path + "&fields=slug")
                .then()
                .statusCode(304)
                .header("ETag", sparse);
        anonymous()
                .header("If-None-Match", full)
                .get(path + "&fields=slug")
                .then()
                .statusCode(200);
        anonymous().header("If-None-Match", sparse).get(path).then().statusCode(200);
    }

    @Test
    void anonymousCallersGetNoFieldTheirFullCopyHides() {
        String tag = "hidden-" + unique();
        String draft = Articles.article().create();
        String id = Articles.article()
                .body(List.of(
                        Map.of("type", "paragraph", "text", "Visible text"),
                        Map.of("type", "related", "articleId", draft)))
                .tags(tag)
                .published()
                .create();
        List<?> anonymousBody =
                anonymous().get("/api/v1/articles/" + id).then().extract().path("body");
        assertEquals(1, anonymousBody.size(), "the related block naming a draft is hidden");
        anonymous()
                .get("/api/v1/articles/" + id + "?fields=body")
                .then()
                .statusCode(200)
                .body("body", equalTo(anonymousBody));
        anonymous()
                .get("/api/v1/articles?tag=" + tag + "&fields=body")
                .then()
                .statusCode(200)
                .body("items[0].body", equalTo(anonymousBody));
        editor().get("/api/v1/articles/" + id + "?fields=body")
                .then()
                .statusCode(200)
                .body("body", hasSize(2));
        // The e-mail is not a field of the public comment list: naming it is an unknown field, not a way to see it.
        invalid(anonymous().get("/api/v1/articles/" + id + "/comments?fields=authorEmail"), "fields");
        anonymous().get("/api/v1/comments?fields=authorEmail").then().statusCode(401);
        anonymous().get("/api/v1/articles/" + draft + "?fields=headline").then().statusCode(404);
    }

    @Test
    void theNextPageKeepsTheFieldset() {
        String tag = "pages-" + unique();
        for (int i = 0; i < 3; i++) {
            Articles.article().tags(tag).published().create();
        }
        Response first = anonymous().get("/api/v1/articles?tag=" + tag + "&limit=2&fields=slug");
        first.then().statusCode(200).body("items", hasSize(2)).body("items[0].keySet()", equalTo(Set.of("id", "slug")));
        String link = first.header("Link");
        assertNotNull(link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertEquals(first.path("next").toString(), queryParam(next, "cursor"));
        assertEquals("slug", queryParam(next, "fields"));
        anonymous()
                .urlEncodingEnabled(false)
                .get(next.substring(next.indexOf("/api/")))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].keySet()", equalTo(Set.of("id", "slug")))
                .body("next", equalTo(null));
    }

    @Test
    void aSparseArticleListIsTheFullListWithFieldsLeftOutCachedOrNot() {
        String tag = "agree-" + unique();
        String person = People.person().create();
        for (int i = 0; i < 3; i++) {
            Articles.article()
                    .standfirst("Standfirst " + i)
                    .body(List.of(Map.of("type", "paragraph", "text", "Body " + i)))
                    .personIds(person)
                    .tags(tag)
                    .published()
                    .create();
        }
        for (Supplier<RequestSpecification> caller :
                List.<Supplier<RequestSpecification>>of(Api::anonymous, Api::editor)) {
            String path = "/api/v1/articles?tag=" + tag + "&include=people,places";
            String fields = "slug,headline,standfirst,publishedAt,people";
            String full =
                    caller.get().get(path).then().statusCode(200).extract().asString();
            String computed = caller.get()
                    .get(path + "&fields=" + fields)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String cached = caller.get()
                    .get(path + "&fields=" + fields)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(project(full, fields, true), computed);
            assertEquals(computed, cached);
        }
    }

    /** Asserts that {@code path} with {@code fields} answers exactly its full answer with the other fields left out. */
    private static void sparse(Supplier<RequestSpecification> caller, String path, String fields, boolean page) {
        String full = caller.get().get(path).then().statusCode(200).extract().asString();
        if (page) {
            assertNotEquals(0, read(full).get("items").size(), path + " lists something");
        }
        String sparse = caller.get()
                .get(path + (path.contains("?") ? "&" : "?") + "fields=" + fields)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        assertEquals(project(full, fields, page), sparse, path);
    }

    /** The document with only id and these fields in its record, or in each item of its page. */
    private static String project(String json, String fields, boolean page) {
        Set<String> keep = new HashSet<>(List.of(fields.split(",")));
        keep.add("id");
        JsonNode doc = read(json);
        if (page) {
            ArrayNode items = JSON.createArrayNode();
            doc.get("items").forEach(item -> items.add(keepOnly(item, keep)));
            ((ObjectNode) doc).set("items", items);
        } else {
            doc = keepOnly(doc, keep);
        }
        return doc.toString();
    }

    private static ObjectNode keepOnly(JsonNode record, Set<String> keep) {
        ObjectNode out = JSON.createObjectNode();
        record.fields().forEachRemaining(f -> {
            if (keep.contains(f.getKey())) {
                out.set(f.getKey(), f.getValue());
            }
        });
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String queryParam(String url, String name) {
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String upload() {
        return editor().contentType("image/png")
                .body(TestImages.picture(64, 48, "png"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
