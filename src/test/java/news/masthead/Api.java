package news.masthead;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request starters and small builders shared by the HTTP tests. */
public final class Api {

    /** The admin token of the test profile (application.properties: %test.cms.admin-token). */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private static String editorToken;

    private Api() {}

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** A caller with the admin role (the configured admin token): for what only admins may do, such as managing tokens. */
    public static RequestSpecification admin() {
        return withToken(ADMIN_TOKEN);
    }

    /** A caller with a real editor token, minted once through the tokens API (the database outlives Quarkus restarts). */
    public static RequestSpecification editor() {
        return withToken(editorToken());
    }

    private static synchronized String editorToken() {
        if (editorToken == null) {
            editorToken = token("editor");
        }
        return editorToken;
    }

    /** A suffix that keeps names and slugs of one test apart from every other test's. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a resource as editor and returns its id. */
    public static String create(String collection, Map<String, ?> body) {
        return editor().body(body)
                .post("/api/v1/" + collection)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String person(String name) {
        return People.person().name(name).create();
    }

    public static String place(String name, String kind, String parentId) {
        return Places.place().name(name).kind(kind).parent(parentId).create();
    }

    /** A draft article with a unique headline; returns its id. */
    public static String article() {
        return Articles.article().create();
    }

    /** An article with a unique headline and the given status (a past publishedAt for scheduled). */
    public static String article(String status) {
        Articles article = Articles.article().status(status);
        return (status.equals("scheduled") ? article.publishedAt("2020-01-01T00:00:00Z") : article).create();
    }

    /** A request carrying this bearer token. */
    public static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Creates an API token with this role ("editor" or "admin") as the test admin and returns its secret. */
    public static String token(String role) {
        return admin().body(Map.of("name", "test " + role + " " + unique(), "role", role))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /** Creates an article with this status (and publishedAt, may be null) and returns its id. */
    public static String article(String headline, String status, String publishedAt) {
        Articles article = Articles.article().headline(headline).status(status);
        return (publishedAt == null ? article : article.publishedAt(publishedAt)).create();
    }

    public static String quote(String text, String speakerId, String articleId) {
        return Quotes.quote().text(text).speaker(speakerId).article(articleId).create();
    }

    /** An ordered JSON object from alternating names and values; unlike Map.of, values may be null. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** The resource as the editor sees it. */
    public static ExtractableResponse<Response> read(String collection, String idOrSlug) {
        return editor().get("/api/v1/" + collection + "/" + idOrSlug)
                .then()
                .statusCode(200)
                .extract();
    }

    /** Asserts an RFC 9457 problem document with this status. */
    public static ValidatableResponse problem(Response response, int status) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }

    /** Asserts a 400 validation problem whose errors name exactly these fields (JSON paths), each with a message. */
    public static ValidatableResponse invalid(Response response, String... fields) {
        ValidatableResponse v = problem(response, 400)
                .body("errors", hasSize(fields.length))
                .body("errors.message", everyItem(not(emptyOrNullString())));
        for (String field : fields) {
            v.body("errors.field", hasItem(field));
        }
        return v;
    }

    /**
     * Every item of a list, walked page by page through the {@code next} cursors; checks on the way that the
     * envelope is complete and that a Link rel="next" header is sent exactly when there is a next page.
     */
    public static List<Map<String, Object>> walk(
            Supplier<RequestSpecification> caller, String path, int limit, String sort) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = caller.get().queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get(path)
                    .then()
                    .statusCode(200)
                    .body("limit", equalTo(limit))
                    .body("total", notNullValue())
                    .extract();
            List<Map<String, Object>> items = page.path("items");
            assertTrue(items.size() <= limit, "a page holds at most limit items");
            all.addAll(items);
            cursor = page.path("next");
            if (cursor == null) {
                page.response().then().header("Link", nullValue());
            } else {
                page.response().then().header("Link", containsString("rel=\"next\""));
            }
            assertTrue(++pages < 10_000, "the walk ends");
        } while (cursor != null);
        return all;
    }

    public static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }

    /** A published article, open for comments; returns its id. */
    public static String publishedArticle() {
        return article("Published " + unique(), "published", null);
    }
}
