package news.masthead;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

/** Request starters and small builders shared by the HTTP tests. */
public final class Api {

    /** The admin token of the test profile (application.properties: %test.cms.admin-token). */
    public static final String ADMIN_TOKEN = "test-admin-token";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    public static RequestSpecification editor() {
        return anonymous().header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    /** A suffix that keeps names and slugs of one test apart from every other test's. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a resource as editor and returns its id. */
    public static String create(String collection, Map<String, ?> body) {
        return editor().body(body).post("/api/v1/" + collection).then().statusCode(201).extract().path("id");
    }

    public static String person(String name) {
        return create("people", Map.of("name", name));
    }

    public static String place(String name, String kind, String parentId) {
        return parentId == null ? create("places", Map.of("name", name, "kind", kind))
                : create("places", Map.of("name", name, "kind", kind, "parentId", parentId));
    }

    /** A request carrying this bearer token. */
    public static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    /** Creates an API token with this role ("editor" or "admin") as the test admin and returns its secret. */
    public static String token(String role) {
        return editor().body(Map.of("name", "test " + role + " " + unique(), "role", role))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("secret");
    }

    /** Creates an article with this status (and publishedAt, may be null) and returns its id. */
    public static String article(String headline, String status, String publishedAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("headline", headline, "status", status));
        if (publishedAt != null) {
            body.put("publishedAt", publishedAt);
        }
        return create("articles", body);
    }

    /** A published article, open for comments; returns its id. */
    public static String publishedArticle() {
        return article("Published " + unique(), "published", null);
    }
}
