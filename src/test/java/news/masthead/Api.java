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
}
