package news.masthead.places;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Places;
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
        ExtractableResponse<Response> created = Places.place()
                .name("Izium " + u)
                .aliases("Izyum")
                .kind("city")
                .parent(country)
                .with("latitude", 49.2128)
                .with("longitude", 37.2569)
                .with("population", 45000)
                .countryCode("UA")
                .post()
                .then()
                .statusCode(201)
                .contentType("application/json")
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
        Places.place()
                .name("Somewhere " + unique())
                .post()
                .then()
                .statusCode(201)
                .body("kind", equalTo("other"))
                .body("aliases", empty())
                .body("parentId", nullValue())
                .body("latitude", nullValue())
                .body("longitude", nullValue())
                .body("population", nullValue())
                .body("countryCode", nullValue());
    }

    @Test
    void countryCodeIsStoredUpperCase() {
        Places.place()
                .name("Lower " + unique())
                .countryCode("ua")
                .post()
                .then()
                .statusCode(201)
                .body("countryCode", equalTo("UA"));
    }

    @Test
    void nameIsRequired() {
        invalid(Places.place().without("name").kind("city").post(), "name");
        invalid(Places.place().name("").post(), "name");
    }

    @Test
    void latitudeAndLongitudeMustBeInRange() {
        String n = "Range " + unique();
        invalid(
                Places.place()
                        .name(n)
                        .with("latitude", 90.5)
                        .with("longitude", 0)
                        .post(),
                "latitude");
        invalid(
                Places.place()
                        .name(n)
                        .with("latitude", -91)
                        .with("longitude", 0)
                        .post(),
                "latitude");
        invalid(
                Places.place()
                        .name(n)
                        .with("latitude", 0)
                        .with("longitude", 180.01)
                        .post(),
                "longitude");
        Places.place()
                .name(n)
                .with("latitude", -90)
                .with("longitude", 180)
                .post()
                .then()
                .statusCode(201);
    }

    @Test
    void latitudeWithoutLongitudeIs400() {
        String n = "Half " + unique();
        invalid(Places.place().name(n).with("latitude", 50.0).post(), "longitude");
        invalid(Places.place().name(n).with("longitude", 30.0).post(), "latitude");
    }

    @Test
    void patchingAwayOneCoordinateIs400() {
        String id = Places.place()
                .name("Located " + unique())
                .with("latitude", 50.45)
                .with("longitude", 30.52)
                .create();
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(fields("longitude", null))
                        .patch(PLACES + "/" + id),
                "longitude");
        editor().contentType("application/merge-patch+json")
                .body(fields("latitude", null, "longitude", null))
                .patch(PLACES + "/" + id)
                .then()
                .statusCode(200)
                .body("latitude", nullValue())
                .body("longitude", nullValue());
    }

    @Test
    void badCountryCodeIs400() {
        for (String bad : List.of("UKR", "U", "U1", "Ukraine")) {
            invalid(Places.place().name("Code " + unique()).countryCode(bad).post(), "countryCode");
        }
    }

    @Test
    void invalidKindIs400NamingKind() {
        invalid(Places.place().name("Kind " + unique()).kind("planet").post(), "kind");
    }

    @Test
    void negativePopulationIs400() {
        invalid(Places.place().name("Pop " + unique()).with("population", -1).post(), "population");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        String n = "Types " + unique();
        invalid(
                Places.place()
                        .name(n)
                        .with("latitude", "49.2")
                        .with("longitude", 37.2)
                        .post(),
                "latitude");
        invalid(Places.place().name(n).with("population", 1.5).post(), "population");
        invalid(Places.place().name(n).parent("not-a-uuid").post(), "parentId");
        invalid(Places.place().name(n).with("aliases", Map.of()).post(), "aliases");
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        invalid(Places.place().name("Typo " + unique()).with("lat", 1).post(), "lat");
    }

    @Test
    void parentMustExist() {
        invalid(
                Places.place()
                        .name("Orphan " + unique())
                        .parent(UUID.randomUUID().toString())
                        .post(),
                "parentId");
    }

    @Test
    void aPlaceCannotBeItsOwnParent() {
        String id = place("Self " + unique(), "city", null);
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(Map.of("parentId", id))
                        .patch(PLACES + "/" + id),
                "parentId");
        read("places", id).response().then().body("parentId", nullValue()).body("version", equalTo(1));
    }

    @Test
    void aPlaceCannotBeItsOwnAncestor() {
        String u = unique();
        String country = place("Country " + u, "country", null);
        String region = place("Region " + u, "region", country);
        String city = place("City " + u, "city", region);
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(Map.of("parentId", region))
                        .patch(PLACES + "/" + country),
                "parentId");
        invalid(
                editor().body(Map.of("name", "Country " + u, "kind", "country", "parentId", city))
                        .put(PLACES + "/" + country),
                "parentId");
        read("places", country).response().then().body("parentId", nullValue()).body("version", equalTo(1));
    }

    @Test
    void aPlaceCanMoveUnderAnotherBranch() {
        String u = unique();
        String a = place("A " + u, "region", null);
        String b = place("B " + u, "region", null);
        String child = place("Child " + u, "town", a);
        editor().contentType("application/merge-patch+json")
                .body(Map.of("parentId", b))
                .patch(PLACES + "/" + child)
                .then()
                .statusCode(200)
                .body("parentId", equalTo(b))
                .body("version", equalTo(2));
    }

    @Test
    void slugClashes() {
        String u = unique();
        String first = place("Bakhmut " + u, "town", null);
        String second = place("Bakhmut " + u, "town", null);
        assertEquals("bakhmut-" + u, read("places", first).path("slug"));
        assertEquals("bakhmut-" + u + "-2", read("places", second).path("slug"));
        problem(Places.place().name("Other").slug("bakhmut-" + u).post(), 409);
    }

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String parent = place("Parent " + u, "country", null);
        String id = Places.place()
                .name("Full " + u)
                .slug("full-place-" + u)
                .aliases("F")
                .kind("city")
                .parent(parent)
                .with("latitude", 1.0)
                .with("longitude", 2.0)
                .with("population", 10)
                .countryCode("UA")
                .create();
        editor().body(Map.of("name", "Bare " + u, "slug", "full-place-" + u))
                .put(PLACES + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Bare " + u))
                .body("aliases", empty())
                .body("kind", equalTo("other"))
                .body("parentId", nullValue())
                .body("latitude", nullValue())
                .body("longitude", nullValue())
                .body("population", nullValue())
                .body("countryCode", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void putThatChangesNothingKeepsTheVersion() {
        String u = unique();
        Map<String, Object> body = fields(
                "name",
                "Still " + u,
                "slug",
                "still-" + u,
                "kind",
                "village",
                "latitude",
                48.5,
                "longitude",
                35.1,
                "population",
                300,
                "countryCode",
                "UA");
        String id = create("places", body);
        editor().body(body).put(PLACES + "/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String u = unique();
        String id = Places.place()
                .name("Patch " + u)
                .kind("town")
                .with("population", 100)
                .create();
        editor().contentType("application/merge-patch+json")
                .body(fields("population", null, "aliases", List.of("P")))
                .patch(PLACES + "/" + id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("town"))
                .body("population", nullValue())
                .body("aliases", contains("P"))
                .body("version", equalTo(2));
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(fields("name", null))
                        .patch(PLACES + "/" + id),
                "name");
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
