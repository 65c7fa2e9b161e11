package news.masthead.people;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PeopleTest {

    private static final String PEOPLE = "/api/v1/people";

    @Test
    void createAnswers201WithLocationAndServerFields() {
        String u = unique();
        ExtractableResponse<Response> created = People.person()
                .name("Andriy Sybiha " + u)
                .aliases("Andrii Sybiha")
                .role("Foreign minister of Ukraine")
                .affiliation("Government of Ukraine")
                .description("Career diplomat.")
                .post()
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("slug", equalTo("andriy-sybiha-" + u))
                .body("name", equalTo("Andriy Sybiha " + u))
                .body("aliases", contains("Andrii Sybiha"))
                .body("role", equalTo("Foreign minister of Ukraine"))
                .body("affiliation", equalTo("Government of Ukraine"))
                .body("description", equalTo("Career diplomat."))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"))
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(PEOPLE + "/" + id), created.header("Location"));
        Instant.parse(created.path("createdAt"));
        editor().get(created.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void newPersonGetsDefaults() {
        People.person()
                .name("Plain " + unique())
                .post()
                .then()
                .statusCode(201)
                .body("aliases", empty())
                .body("role", nullValue())
                .body("affiliation", nullValue())
                .body("description", nullValue());
    }

    @Test
    void personIsFoundByIdAndBySlug() {
        String slug = "person-" + unique();
        String id = People.person().name("By slug").slug(slug).create();
        editor().get(PEOPLE + "/" + id).then().statusCode(200).body("slug", equalTo(slug));
        editor().get(PEOPLE + "/" + slug).then().statusCode(200).body("id", equalTo(id));
        problem(editor().get(PEOPLE + "/" + UUID.randomUUID()), 404);
        problem(editor().get(PEOPLE + "/nobody-" + unique()), 404);
    }

    @Test
    void aSlugShapedLikeAUuidStillFindsThePerson() {
        String slug = UUID.randomUUID().toString();
        String id = People.person().name("Uuid-like slug").slug(slug).create();
        editor().get(PEOPLE + "/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void nameIsRequired() {
        invalid(People.person().without("name").role("Nobody").post(), "name");
        invalid(People.person().name(" ").post(), "name");
        invalid(People.person().name("x".repeat(201)).post(), "name");
    }

    @Test
    void blankAliasIs400NamingIt() {
        invalid(People.person().name("Aliased " + unique()).aliases("ok", "").post(), "aliases[1]");
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        invalid(People.person().name("Typo " + unique()).with("affilation", "x").post(), "affilation");
    }

    @Test
    void readOnlyFieldsInAWriteBodyAreIgnored() {
        String sentId = UUID.randomUUID().toString();
        String id = People.person()
                .name("Read-only " + unique())
                .with("id", sentId)
                .with("version", 7)
                .with("createdAt", "2000-01-01T00:00:00Z")
                .with("updatedAt", "2000-01-01T00:00:00Z")
                .post()
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .extract()
                .path("id");
        assertNotEquals(sentId, id);
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        invalid(People.person().name("Types " + unique()).with("aliases", "one").post(), "aliases");
        invalid(People.person().with("name", Map.of("first", "A")).post(), "name");
        invalid(People.person().name("Types " + unique()).with("role", true).post(), "role");
    }

    @Test
    void slugIsDerivedFromTheNameWithANumericSuffixOnClash() {
        String u = unique();
        String first = person("Volodymyr Zelenskyy " + u);
        String second = person("Volodymyr Zelenskyy " + u);
        String third = person("Volodymyr Zelenskyy " + u);
        assertEquals("volodymyr-zelenskyy-" + u, read("people", first).path("slug"));
        assertEquals("volodymyr-zelenskyy-" + u + "-2", read("people", second).path("slug"));
        assertEquals("volodymyr-zelenskyy-" + u + "-3", read("people", third).path("slug"));
    }

    @Test
    void slugOfACyrillicNameIsTransliterated() {
        String u = unique();
        String id = person("Володимир Зеленський " + u);
        assertEquals("volodymyr-zelenskyi-" + u, read("people", id).path("slug"));
    }

    @Test
    void aSlugDerivedBeforeTransliterationStaysWhenThePersonIsSavedAgain() {
        // Before slugs were transliterated, a Cyrillic name gave the fallback "person" (with a suffix on a clash).
        String slug = "person-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String id = People.person().name("Володимир Зеленський").slug(slug).create();
        editor().body(Map.of("name", "Володимир Зеленський", "role", "President"))
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug));
    }

    @Test
    void explicitSlugClashIs409() {
        String slug = "taken-person-" + unique();
        People.person().name("First").slug(slug).create();
        problem(People.person().name("Second").slug(slug).post(), 409).body("detail", containsString(slug));
    }

    @Test
    void badSlugIs400() {
        invalid(People.person().name("Bad slug").slug("Bad Slug").post(), "slug");
    }

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String id = People.person()
                .name("Before " + u)
                .slug("put-person-" + u)
                .aliases("B4")
                .role("Minister")
                .affiliation("Government")
                .description("Text")
                .create();
        editor().body(Map.of("name", "After " + u, "slug", "put-person-" + u))
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("After " + u))
                .body("slug", equalTo("put-person-" + u))
                .body("aliases", empty())
                .body("role", nullValue())
                .body("affiliation", nullValue())
                .body("description", nullValue())
                .body("version", equalTo(2));
        read("people", id).response().then().body("name", equalTo("After " + u)).body("role", nullValue());
    }

    @Test
    void putThatChangesNothingKeepsTheVersion() {
        String u = unique();
        Map<String, Object> body =
                Map.of("name", "Same " + u, "slug", "same-" + u, "aliases", List.of("S"), "role", "R");
        String id = create("people", body);
        editor().body(body).put(PEOPLE + "/" + id).then().statusCode(200).body("version", equalTo(1));
        editor().body(Map.of("name", "Same " + u))
                .put(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo("same-" + u))
                .body("version", equalTo(2));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String u = unique();
        String id = People.person()
                .name("Patch " + u)
                .role("Mayor")
                .aliases("A", "B")
                .create();
        editor().contentType("application/merge-patch+json")
                .body(fields("role", null, "aliases", List.of("C")))
                .patch(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Patch " + u))
                .body("role", nullValue())
                .body("aliases", contains("C"))
                .body("version", equalTo(2));
        editor().body(Map.of("description", "Plain JSON"))
                .patch(PEOPLE + "/" + id)
                .then()
                .statusCode(200)
                .body("description", equalTo("Plain JSON"))
                .body("aliases", contains("C"))
                .body("version", equalTo(3));
    }

    @Test
    void patchingTheNameToNullIs400() {
        String u = unique();
        String id = People.person().name("Named " + u).create();
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(fields("name", null))
                        .patch(PEOPLE + "/" + id),
                "name");
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(Map.of("nmae", "x"))
                        .patch(PEOPLE + "/" + id),
                "nmae");
        read("people", id).response().then().body("name", equalTo("Named " + u)).body("version", equalTo(1));
    }

    @Test
    void deleteAnswers204ThenThePersonIs404() {
        String id = person("Gone " + unique());
        editor().delete(PEOPLE + "/" + id).then().statusCode(204);
        problem(editor().get(PEOPLE + "/" + id), 404);
        problem(editor().delete(PEOPLE + "/" + id), 404);
    }

    @Test
    void deletingAQuotedPersonIs409() {
        String u = unique();
        String id = person("Quoted " + u);
        String quoteId = quote("Words " + u, id, null);
        problem(editor().delete(PEOPLE + "/" + id), 409)
                .body("detail", allOf(containsString("1 quote"), containsString("Quoted " + u)));
        read("people", id);
        editor().delete("/api/v1/quotes/" + quoteId).then().statusCode(204);
        editor().delete(PEOPLE + "/" + id).then().statusCode(204);
    }

    @Test
    void deletingAPersonLinkedToAnArticleIs409() {
        String u = unique();
        String id = person("Linked " + u);
        String articleId =
                Articles.article().headline("About " + u).personIds(id).create();
        problem(editor().delete(PEOPLE + "/" + id), 409).body("detail", containsString("1 article"));
        read("people", id);
        Articles.edit().with("personIds", List.of()).patch(articleId).then().statusCode(200);
        editor().delete(PEOPLE + "/" + id).then().statusCode(204);
    }

    @Test
    void peopleAreReadableByAnyone() {
        String id = person("Public " + unique());
        anonymous().get(PEOPLE + "/" + id).then().statusCode(200).body("id", equalTo(id));
    }
}
