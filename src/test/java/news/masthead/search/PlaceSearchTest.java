package news.masthead.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PlaceSearchTest {

    @Inject
    SqlStatements statements;

    private static String place(Map<String, Object> fields) {
        return editor().body(fields)
                .post("/api/v1/places")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void anAliasFindsThePlace() {
        String suffix = unique().replaceAll("[^a-z]", "q");
        String izium =
                place(Map.of("name", "Izium" + suffix, "aliases", List.of("Izyum" + suffix, "Изюм"), "kind", "town"));
        anonymous()
                .get("/api/v1/places?q=Izyum" + suffix)
                .then()
                .statusCode(200)
                .body("items.id", contains(izium));
        anonymous().get("/api/v1/places?q=izium" + suffix).then().body("items.id", contains(izium));
    }

    @Test
    void withinListsEveryDescendantButNotItself() {
        String country = place(Map.of("name", "Within Country " + unique(), "kind", "country"));
        String region = place(Map.of("name", "Within Region " + unique(), "kind", "region", "parentId", country));
        String town = place(Map.of("name", "Within Town " + unique(), "kind", "town", "parentId", region));
        anonymous().get("/api/v1/places?within=" + country).then().body("items.id", containsInAnyOrder(region, town));
        anonymous()
                .get("/api/v1/places?within=" + country + "&kind=town")
                .then()
                .body("items.id", contains(town));
        anonymous().get("/api/v1/places?within=" + town).then().body("items", empty());
        anonymous().get("/api/v1/places?kind=planet").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    /** Known coordinates: Izium–Balakliia ≈ 40.1 km, Izium–Kharkiv ≈ 114 km. */
    @Test
    void nearFindsPlacesWithinTheRadiusNearestFirst() {
        String tag = unique();
        // Shifted 100° east (distances along a parallel shift are unchanged) so that no other test's places interfere.
        double dLat = 0, dLon = 100;
        String izium = place(Map.of(
                "name", "Izium " + tag, "kind", "town", "latitude", 49.2128 + dLat, "longitude", 37.2569 + dLon));
        String balakliia = place(Map.of(
                "name", "Balakliia " + tag, "kind", "town", "latitude", 49.4627 + dLat, "longitude", 36.8586 + dLon));
        place(Map.of(
                "name", "Kharkiv " + tag, "kind", "city", "latitude", 49.9935 + dLat, "longitude", 36.2304 + dLon));
        String at = (49.2128 + dLat) + "," + (37.2569 + dLon);

        anonymous().get("/api/v1/places?near=" + at + "&radiusKm=10").then().body("items.id", contains(izium));
        anonymous().get("/api/v1/places?near=" + at + "&radiusKm=40").then().body("items.id", contains(izium));
        anonymous()
                .get("/api/v1/places?near=" + at + "&radiusKm=41")
                .then()
                .body("items.id", contains(izium, balakliia));
        anonymous()
                .get("/api/v1/places?near=" + at + "&radiusKm=120")
                .then()
                .body("items", org.hamcrest.Matchers.hasSize(3))
                .body("items[0].id", equalTo(izium));
        anonymous().get("/api/v1/places?near=91,0").then().statusCode(400).body("errors[0].field", equalTo("near"));
        anonymous().get("/api/v1/places?near=49").then().statusCode(400).body("errors[0].field", equalTo("near"));
        anonymous()
                .get("/api/v1/places?radiusKm=5")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("radiusKm"));
    }

    @Test
    void aFirstPageHoldingEveryMatchTellsItsTotalWithoutCountingThem() {
        String tag = unique();
        double lat = -61.5, lon = 158.0 + Math.floorMod(tag.hashCode(), 1000) / 1000.0; // away from other tests' places
        String near = place(Map.of("name", "Near " + tag, "kind", "town", "latitude", lat, "longitude", lon));
        String far = place(Map.of("name", "Far " + tag, "kind", "town", "latitude", lat + 0.1, "longitude", lon));
        String at = "/api/v1/places?near=" + lat + "," + lon + "&radiusKm=20";
        JsonPath[] page = new JsonPath[1];
        assertEquals(1, statements.during(() -> page[0] = list(at)), "the page's statement alone");
        assertEquals(List.of(near, far), page[0].getList("items.id"));
        assertEquals(2, page[0].getInt("total"));
        assertEquals(2, statements.during(() -> page[0] = list(at + "&limit=1")), "the page, then the count");
        assertEquals(List.of(near), page[0].getList("items.id"));
        assertEquals(2, page[0].getInt("total"));
        String second = at + "&limit=1&cursor=" + page[0].getString("next");
        assertEquals(1, statements.during(() -> page[0] = list(second)), "the page; the total is the count kept");
        assertEquals(List.of(far), page[0].getList("items.id"));
        assertEquals(2, page[0].getInt("total"));
    }

    private static JsonPath list(String uri) {
        return anonymous().get(uri).then().statusCode(200).extract().jsonPath();
    }
}
