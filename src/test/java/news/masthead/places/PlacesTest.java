package news.masthead.places;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.invalid;
import static news.masthead.Api.place;
import static news.masthead.Api.problem;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PlacesTest {

    private static final String PLACES = "/api/v1/places";

    @Test
    void createAnswers201WithLocationAndEveryField() {
        String u = unique();
        String country = place("Ukraine " + u, "country", null);
        ExtractableResponse<Response> created = editor().body(fields("name", "Izium " + u, "aliases", List.of("Izyum"),
                        "kind", "city", "parentId", country, "latitude", 49.2128, "longitude", 37.2569,
                        "population", 45000, "countryCode", "UA"))
                .post(PLACES).then().statusCode(201).contentType("application/json")
                .body("slug", equalTo("izium-" + u))
                .body("name", equalTo("Izium " + u))
                .body("aliases", contains("Izyum"))
                .body("kind", equalTo("city"))
                .body("parentId", equalTo(country))
                .body("latitude", equalTo(49.2128f))
                .body("longitude", equalTo(37.2569f))
                .body("population", equalTo(45000))
                .body("countryCode", equalTo("UA"))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"))
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PLACES + "/" + id), created.header("Location"));
        anonymous().get(PLACES + "/izium-" + u).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void newPlaceGetsDefaults() {
        editor().body(Map.of("name", "Somewhere " + unique())).post(PLACES).then().statusCode(201)
                .body("kind", equalTo("other")).body("aliases", empty()).body("parentId", nullValue())
                .body("latitude", nullValue()).body("longitude", nullValue()).body("population", nullValue())
                .body("countryCode", nullValue());
    }

    @Test
    void countryCodeIsStoredUpperCase() {
        editor().body(Map.of("name", "Lower " + unique(), "countryCode", "ua")).post(PLACES).then().statusCode(201)
                .body("countryCode", equalTo("UA"));
    }

    @Test
    void nameIsRequired() {
        invalid(editor().body(Map.of("kind", "city")).post(PLACES), "name");
        invalid(editor().body(Map.of("name", "")).post(PLACES), "name");
    }

    @Test
    void latitudeAndLongitudeMustBeInRange() {
        String n = "Range " + unique();
        invalid(editor().body(Map.of("name", n, "latitude", 90.5, "longitude", 0)).post(PLACES), "latitude");
        invalid(editor().body(Map.of("name", n, "latitude", -91, "longitude", 0)).post(PLACES), "latitude");
        invalid(editor().body(Map.of("name", n, "latitude", 0, "longitude", 180.01)).post(PLACES), "longitude");
        editor().body(Map.of("name", n, "latitude", -90, "longitude", 180)).post(PLACES).then().statusCode(201);
    }

    @Test
    void latitudeWithoutLongitudeIs400() {
        String n = "Half " + unique();
        invalid(editor().body(Map.of("name", n, "latitude", 50.0)).post(PLACES), "longitude");
        invalid(editor().body(Map.of("name", n, "longitude", 30.0)).post(PLACES), "latitude");
    }

    @Test
    void patchingAwayOneCoordinateIs400() {
        String id = create("places", Map.of("name", "Located " + unique(), "latitude", 50.45, "longitude", 30.52));
        invalid(editor().contentType("application/merge-patch+json").body(fields("longitude", null)).patch(PLACES + "/" + id),
                "longitude");
        editor().contentType("application/merge-patch+json").body(fields("latitude", null, "longitude", null))
                .patch(PLACES + "/" + id).then().statusCode(200).body("latitude", nullValue()).body("longitude", nullValue());
    }

    @Test
    void badCountryCodeIs400() {
        for (String bad : List.of("UKR", "U", "U1", "Ukraine")) {
            invalid(editor().body(Map.of("name", "Code " + unique(), "countryCode", bad)).post(PLACES), "countryCode");
        }
    }

    @Test
    void invalidKindIs400NamingKind() {
        invalid(editor().body(Map.of("name", "Kind " + unique(), "kind", "planet")).post(PLACES), "kind");
    }

    @Test
    void negativePopulationIs400() {
        invalid(editor().body(Map.of("name", "Pop " + unique(), "population", -1)).post(PLACES), "population");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        String n = "Types " + unique();
        invalid(editor().body(Map.of("name", n, "latitude", "49.2", "longitude", 37.2)).post(PLACES), "latitude");
        invalid(editor().body(Map.of("name", n, "population", 1.5)).post(PLACES), "population");
        invalid(editor().body(Map.of("name", n, "parentId", "not-a-uuid")).post(PLACES), "parentId");
        invalid(editor().body(Map.of("name", n, "aliases", Map.of())).post(PLACES), "aliases");
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        invalid(editor().body(Map.of("name", "Typo " + unique(), "lat", 1)).post(PLACES), "lat");
    }

    @Test
    void parentMustExist() {
        invalid(editor().body(Map.of("name", "Orphan " + unique(), "parentId", UUID.randomUUID().toString())).post(PLACES),
                "parentId");
    }

    @Test
    void aPlaceCannotBeItsOwnParent() {
        String id = place("Self " + unique(), "city", null);
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("parentId", id)).patch(PLACES + "/" + id),
                "parentId");
        read("places", id).response().then().body("parentId", nullValue()).body("version", equalTo(1));
    }

    @Test
    void aPlaceCannotBeItsOwnAncestor() {
        String u = unique();
        String country = place("Country " + u, "country", null);
        String region = place("Region " + u, "region", country);
        String city = place("City " + u, "city", region);
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("parentId", region))
                .patch(PLACES + "/" + country), "parentId");
        invalid(editor().body(Map.of("name", "Country " + u, "kind", "country", "parentId", city))
                .put(PLACES + "/" + country), "parentId");
        read("places", country).response().then().body("parentId", nullValue()).body("version", equalTo(1));
    }

    @Test
    void aPlaceCanMoveUnderAnotherBranch() {
        String u = unique();
        String a = place("A " + u, "region", null);
        String b = place("B " + u, "region", null);
        String child = place("Child " + u, "town", a);
        editor().contentType("application/merge-patch+json").body(Map.of("parentId", b)).patch(PLACES + "/" + child)
                .then().statusCode(200).body("parentId", equalTo(b)).body("version", equalTo(2));
    }

    @Test
    void slugClashes() {
        String u = unique();
        String first = place("Bakhmut " + u, "town", null);
        String second = place("Bakhmut " + u, "town", null);
        assertEquals("bakhmut-" + u, read("places", first).path("slug"));
        assertEquals("bakhmut-" + u + "-2", read("places", second).path("slug"));
        problem(editor().body(Map.of("name", "Other", "slug", "bakhmut-" + u)).post(PLACES), 409);
    }

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String parent = place("Parent " + u, "country", null);
        String id = create("places", fields("name", "Full " + u, "slug", "full-place-" + u, "aliases", List.of("F"),
                "kind", "city", "parentId", parent, "latitude", 1.0, "longitude", 2.0, "population", 10, "countryCode", "UA"));
        editor().body(Map.of("name", "Bare " + u, "slug", "full-place-" + u)).put(PLACES + "/" + id).then().statusCode(200)
                .body("name", equalTo("Bare " + u)).body("aliases", empty()).body("kind", equalTo("other"))
                .body("parentId", nullValue()).body("latitude", nullValue()).body("longitude", nullValue())
                .body("population", nullValue()).body("countryCode", nullValue()).body("version", equalTo(2));
    }

    @Test
    void putThatChangesNothingKeepsTheVersion() {
        String u = unique();
        Map<String, Object> body = fields("name", "Still " + u, "slug", "still-" + u, "kind", "village",
                "latitude", 48.5, "longitude", 35.1, "population", 300, "countryCode", "UA");
        String id = create("places", body);
        editor().body(body).put(PLACES + "/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String u = unique();
        String id = create("places", Map.of("name", "Patch " + u, "kind", "town", "population", 100));
        editor().contentType("application/merge-patch+json").body(fields("population", null, "aliases", List.of("P")))
                .patch(PLACES + "/" + id).then().statusCode(200)
                .body("kind", equalTo("town")).body("population", nullValue()).body("aliases", contains("P"))
                .body("version", equalTo(2));
        invalid(editor().contentType("application/merge-patch+json").body(fields("name", null)).patch(PLACES + "/" + id), "name");
    }

    @Test
    void deleteAnswers204ThenThePlaceIs404() {
        String id = place("Gone " + unique(), "village", null);
        editor().delete(PLACES + "/" + id).then().statusCode(204);
        problem(editor().get(PLACES + "/" + id), 404);
    }

    @Test
    void deletingAPlaceWithChildrenIs409() {
        String u = unique();
        String parent = place("Oblast " + u, "region", null);
        String child = place("Town " + u, "town", parent);
        problem(editor().delete(PLACES + "/" + parent), 409).body("detail", containsString("1 place"));
        read("places", parent);
        editor().delete(PLACES + "/" + child).then().statusCode(204);
        editor().delete(PLACES + "/" + parent).then().statusCode(204);
    }

    @Test
    void deletingAPlaceLinkedToAnArticleIs409() {
        String u = unique();
        String id = place("Linked " + u, "city", null);
        String articleId = Articles.article().headline("In " + u).placeIds(id).create();
        problem(editor().delete(PLACES + "/" + id), 409).body("detail", containsString("1 article"));
        read("places", id);
        editor().delete("/api/v1/articles/" + articleId).then().statusCode(204);
        editor().delete(PLACES + "/" + id).then().statusCode(204);
    }
}
