package news.masthead.articles;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.editor;
import static news.masthead.Api.ids;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static news.masthead.Api.walk;
import static news.masthead.Json.assertBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ArticlesTest {

    private static final String ARTICLES = "/api/v1/articles";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    // ---- create and read ----

    @Test
    void createAnswers201WithLocationAndServerFields() {
        String headline = "Convoy leaves Izium " + unique();
        ExtractableResponse<Response> created = Articles.article()
                .headline(headline)
                .post()
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("id", matchesPattern(UUID_PATTERN))
                .body("headline", equalTo(headline))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"))
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        String location = created.header("Location");
        assertTrue(location.endsWith(ARTICLES + "/" + id), location);
        Instant.parse(created.path("createdAt"));
        Instant.parse(created.path("updatedAt"));

        editor().get(location).then().statusCode(200).body("id", equalTo(id)).body("headline", equalTo(headline));
    }

    @Test
    void newArticleGetsDefaults() {
        String u = unique();
        Response created = Articles.article().headline("Defaults " + u).post();
        created.then().statusCode(201);
        assertBody("""
                {"id": "", "slug": "defaults-%1$s", "headline": "Defaults %1$s", "standfirst": null, "body": [], "source": null,
                 "byline": null, "section": null, "tags": [], "language": "en", "status": "draft", "publishedAt": null,
                 "commentsOpen": true, "personIds": [], "placeIds": [], "leadImage": null, "createdAt": "", "updatedAt": "", "version": 1}
                """.formatted(u), created);
    }

    @Test
    void createStoresEveryWritableField() {
        String u = unique();
        String personId = person("Olena Marchenko " + u);
        String placeId = place("Izium " + u, "city", null);
        String speakerId = person("Speaker " + u);
        String quoteId = quote("We stay.", speakerId, null);
        String relatedId = article();
        Map<String, Object> body = Articles.article()
                .slug("full-article-" + u)
                .headline("Full article " + u)
                .standfirst("Residents describe a hurried departure.")
                .body(List.of(
                        Map.of("type", "heading", "text", "Dawn"),
                        Map.of("type", "paragraph", "text", "The convoy left before dawn."),
                        Map.of("type", "quote", "quoteId", quoteId),
                        Map.of("type", "related", "articleId", relatedId),
                        Map.of("type", "related", "url", "https://example.org/story", "title", "Elsewhere")))
                .source("Masthead Wire")
                .byline("Olena Marchenko")
                .section("world")
                .tags("ukraine", "war")
                .language("uk")
                .published()
                .publishedAt("2026-11-20T06:00:00Z")
                .commentsOpen(false)
                .personIds(personId)
                .placeIds(placeId)
                .fields();
        String id = editor().body(body)
                .post(ARTICLES)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertBody(
                """
                {"id": "", "slug": "full-article-%1$s", "headline": "Full article %1$s",
                 "standfirst": "Residents describe a hurried departure.",
                 "body": [{"type": "heading", "text": "Dawn"},
                          {"type": "paragraph", "text": "The convoy left before dawn."},
                          {"type": "quote", "quoteId": "%2$s"},
                          {"type": "related", "articleId": "%3$s"},
                          {"type": "related", "url": "https://example.org/story", "title": "Elsewhere"}],
                 "source": "Masthead Wire", "byline": "Olena Marchenko", "section": "world", "tags": ["ukraine", "war"],
                 "language": "uk", "status": "published", "publishedAt": "2026-11-20T06:00:00Z", "commentsOpen": false,
                 "personIds": ["%4$s"], "placeIds": ["%5$s"], "leadImage": null, "createdAt": "", "updatedAt": "", "version": 1}
                """.formatted(u, quoteId, relatedId, personId, placeId),
                read("articles", id).response());
    }

    @Test
    void articleIsFoundByIdAndBySlug() {
        String slug = "by-slug-" + unique();
        String id = Articles.article().headline("By slug").slug(slug).create();
        editor().get(ARTICLES + "/" + id).then().statusCode(200).body("slug", equalTo(slug));
        editor().get(ARTICLES + "/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownArticleIs404Problem() {
        problem(editor().get(ARTICLES + "/" + UUID.randomUUID()), 404);
        problem(editor().get(ARTICLES + "/no-such-slug-" + unique()), 404);
    }

    @Test
    void tagsAreStoredLowerCasedAndDeduplicated() {
        Articles.article()
                .headline("Tags " + unique())
                .tags("Ukraine", "WAR", "ukraine", "War")
                .post()
                .then()
                .statusCode(201)
                .body("tags", contains("ukraine", "war"));
    }

    @Test
    void publishingWithoutPublishedAtSetsItToNow() {
        Instant before = Instant.now().minusSeconds(1);
        String publishedAt = Articles.article()
                .headline("Now " + unique())
                .published()
                .post()
                .then()
                .statusCode(201)
                .body("publishedAt", endsWith("Z"))
                .extract()
                .path("publishedAt");
        Instant at = Instant.parse(publishedAt);
        assertFalse(at.isBefore(before), at + " is not before the request");
        assertFalse(at.isAfter(Instant.now().plusSeconds(1)), at + " is not after the request");
    }

    @Test
    void publishingByPatchSetsPublishedAt() {
        String id = article();
        Articles.edit()
                .published()
                .patch(id)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue());
    }

    @Test
    void publishingAScheduledArticleWithoutPublishedAtPublishesItNow() {
        String headline = "Rescheduled " + unique();
        String id = Articles.article()
                .headline(headline)
                .scheduled()
                .publishedAt(Instant.now().plus(7, ChronoUnit.DAYS))
                .create();
        String publishedAt = Articles.article()
                .headline(headline)
                .published()
                .put(id)
                .then()
                .statusCode(200)
                .extract()
                .path("publishedAt");
        assertFalse(
                Instant.parse(publishedAt).isAfter(Instant.now().plusSeconds(1)),
                "published now, not at the old scheduled time: " + publishedAt);
    }

    @Test
    void scheduledWithoutPublishedAtIs400NamingPublishedAt() {
        invalid(Articles.article().headline("Scheduled " + unique()).scheduled().post(), "publishedAt");
    }

    // ---- unknown and read-only properties ----

    @Test
    void readOnlyFieldsInAWriteBodyAreIgnored() {
        String sentId = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = Articles.article()
                .headline("Read-only " + unique())
                .with("id", sentId)
                .with("createdAt", "2000-01-01T00:00:00Z")
                .with("updatedAt", "2000-01-01T00:00:00Z")
                .with("version", 42)
                .post()
                .then()
                .statusCode(201)
                .body("version", equalTo(1))
                .extract();
        assertNotEquals(sentId, created.path("id"));
        assertNotEquals("2000-01-01T00:00:00Z", created.path("createdAt"));
        assertNotEquals("2000-01-01T00:00:00Z", created.path("updatedAt"));
        problem(editor().get(ARTICLES + "/" + sentId), 404);
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        String headline = "Typo " + unique();
        invalid(Articles.article().headline(headline).with("hedline", "x").post(), "hedline");
    }

    @Test
    void unknownPropertyInABodyBlockIs400NamingItsPath() {
        invalid(
                Articles.article()
                        .headline("Nested typo " + unique())
                        .body(List.of(Map.of("type", "paragraph", "text", "ok", "foo", 1)))
                        .post(),
                "body[0].foo");
    }

    // ---- validation ----

    @Test
    void headlineIsRequired() {
        invalid(Articles.article().without("headline").standfirst("No headline").post(), "headline");
        invalid(Articles.article().headline("").post(), "headline");
        invalid(Articles.article().headline("   ").post(), "headline");
        invalid(Articles.article().with("headline", null).post(), "headline");
    }

    @Test
    void headlineOver300CharactersIs400() {
        String u = unique();
        Articles.article()
                .headline(u + "x".repeat(300 - u.length()))
                .post()
                .then()
                .statusCode(201);
        invalid(Articles.article().headline(u + "x".repeat(301 - u.length())).post(), "headline");
    }

    @Test
    void anInstantGivenAsANumberIs400NotEpochSeconds() {
        invalid(
                Articles.article()
                        .headline("Numeric date " + unique())
                        .with("publishedAt", 12)
                        .post(),
                "publishedAt");
        String id = article();
        invalid(Articles.edit().with("publishedAt", 12.5).patch(id), "publishedAt");
    }

    @Test
    void slugMustMatchThePattern() {
        for (String bad :
                List.of("Has Spaces", "UPPER", "double--hyphen", "-leading", "trailing-", "under_score", "ümlaut")) {
            invalid(Articles.article().headline("Bad slug").slug(bad).post(), "slug");
        }
    }

    @Test
    void paragraphWithoutTextIs400NamingTheBlock() {
        invalid(
                Articles.article()
                        .headline("Blocks " + unique())
                        .body(List.of(Map.of("type", "paragraph", "text", "First."), Map.of("type", "paragraph")))
                        .post(),
                "body[1].text");
    }

    @Test
    void quoteBlockWithoutQuoteIdIs400NamingTheBlock() {
        invalid(
                Articles.article()
                        .headline("Blocks " + unique())
                        .body(List.of(
                                Map.of("type", "heading", "text", "Heading"),
                                Map.of("type", "paragraph", "text", "Text."),
                                Map.of("type", "quote")))
                        .post(),
                "body[2].quoteId");
    }

    @Test
    void quoteBlockWithUnknownQuoteIs400NamingTheBlock() {
        invalid(
                Articles.article()
                        .headline("Blocks " + unique())
                        .body(List.of(
                                Map.of("type", "heading", "text", "Heading"),
                                Map.of("type", "paragraph", "text", "Text."),
                                Map.of(
                                        "type",
                                        "quote",
                                        "quoteId",
                                        UUID.randomUUID().toString())))
                        .post(),
                "body[2].quoteId");
    }

    @Test
    void relatedBlockNeedsExactlyOneOfArticleIdAndUrl() {
        String h = "Related " + unique();
        invalid(
                Articles.article()
                        .headline(h)
                        .body(List.of(Map.of("type", "related")))
                        .post(),
                "body[0].articleId");
        invalid(
                Articles.article()
                        .headline(h)
                        .body(List.of(Map.of("type", "related", "articleId", article(), "url", "https://example.org/")))
                        .post(),
                "body[0].url");
        invalid(
                Articles.article()
                        .headline(h)
                        .body(List.of(Map.of("type", "related", "url", "javascript:alert(1)")))
                        .post(),
                "body[0].url");
    }

    @Test
    void relatedBlockWithUnknownArticleIs400() {
        invalid(
                Articles.article()
                        .headline("Related " + unique())
                        .body(List.of(
                                Map.of("type", "paragraph", "text", "See also"),
                                Map.of(
                                        "type",
                                        "related",
                                        "articleId",
                                        UUID.randomUUID().toString())))
                        .post(),
                "body[1].articleId");
    }

    @Test
    void blockFieldsOfAnotherTypeAre400() {
        invalid(
                Articles.article()
                        .headline("Mixed " + unique())
                        .body(List.of(Map.of("type", "heading", "text", "H", "url", "https://example.org/")))
                        .post(),
                "body[0].url");
    }

    @Test
    void blankTagIs400NamingIt() {
        invalid(
                Articles.article()
                        .headline("Blank tag " + unique())
                        .tags("ok", " ")
                        .post(),
                "tags[1]");
    }

    @Test
    void unknownBlockTypeIs400() {
        invalid(
                Articles.article()
                        .headline("Blocks " + unique())
                        .body(List.of(Map.of("type", "video", "text", "x")))
                        .post(),
                "body[0].type");
    }

    @Test
    void invalidStatusIs400NamingStatus() {
        invalid(Articles.article().headline("Status " + unique()).status("live").post(), "status");
    }

    @Test
    void malformedPersonIdIs400NamingItsIndex() {
        invalid(
                Articles.article()
                        .headline("Ids " + unique())
                        .personIds("not-a-uuid")
                        .post(),
                "personIds[0]");
    }

    @Test
    void unknownPeopleAndPlacesAre400NamingTheirIndex() {
        String u = unique();
        String known = person("Known " + u);
        invalid(
                Articles.article()
                        .headline("Refs " + u)
                        .personIds(known, UUID.randomUUID().toString())
                        .post(),
                "personIds[1]");
        invalid(
                Articles.article()
                        .headline("Refs " + u)
                        .placeIds(UUID.randomUUID().toString())
                        .post(),
                "placeIds[0]");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        String h = "Types " + unique();
        invalid(Articles.article().headline(h).with("commentsOpen", "yes").post(), "commentsOpen");
        invalid(Articles.article().headline(h).with("tags", "war").post(), "tags");
        invalid(
                Articles.article()
                        .headline(h)
                        .with("body", Map.of("type", "paragraph"))
                        .post(),
                "body");
        invalid(Articles.article().headline(h).publishedAt("yesterday").post(), "publishedAt");
        invalid(Articles.article().with("headline", List.of(h)).post(), "headline");
        invalid(Articles.article().with("headline", 42).post(), "headline");
        invalid(Articles.article().headline(h).with("tags", List.of(7)).post(), "tags[0]");
    }

    @Test
    void badLanguageTagIs400() {
        invalid(
                Articles.article()
                        .headline("Lang " + unique())
                        .language("not a language")
                        .post(),
                "language");
        Articles.article()
                .headline("Lang " + unique())
                .language("pt-BR")
                .post()
                .then()
                .statusCode(201)
                .body("language", equalTo("pt-BR"));
    }

    @Test
    void invalidBodyCreatesNothing() {
        String slug = "never-created-" + unique();
        invalid(
                Articles.article()
                        .headline("x")
                        .slug(slug)
                        .personIds(UUID.randomUUID().toString())
                        .post(),
                "personIds[0]");
        problem(editor().get(ARTICLES + "/" + slug), 404);
    }

    // ---- slugs ----

    @Test
    void slugIsDerivedFromTheHeadline() {
        String u = unique();
        Articles.article()
                .headline("Kyiv: Mayor's Address — Day 3 " + u)
                .post()
                .then()
                .statusCode(201)
                .body("slug", equalTo("kyiv-mayors-address-day-3-" + u));
        Articles.article()
                .headline("Zürich café, “Ça va?” " + u)
                .post()
                .then()
                .statusCode(201)
                .body("slug", equalTo("zurich-cafe-ca-va-" + u));
    }

    @Test
    void derivedSlugClashGetsANumericSuffix() {
        String headline = "Same headline " + unique();
        String base = headline.toLowerCase().replace(' ', '-');
        String first = Articles.article().headline(headline).create();
        String second = Articles.article().headline(headline).create();
        String third = Articles.article().headline(headline).create();
        assertEquals(base, read("articles", first).path("slug"));
        assertEquals(base + "-2", read("articles", second).path("slug"));
        assertEquals(base + "-3", read("articles", third).path("slug"));
        editor().get(ARTICLES + "/" + base + "-2").then().statusCode(200).body("id", equalTo(second));
    }

    @Test
    void explicitSlugClashIs409() {
        String slug = "taken-" + unique();
        Articles.article().headline("First").slug(slug).create();
        problem(Articles.article().headline("Second").slug(slug).post(), 409).body("detail", containsString(slug));
        String other = article();
        problem(Articles.article().headline("Other").slug(slug).put(other), 409);
        problem(editor().body(Map.of("slug", slug)).patch(ARTICLES + "/" + other), 409);
    }

    // ---- PUT ----

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String personId = person("Put person " + u);
        String placeId = place("Put place " + u, "town", null);
        String id = Articles.article()
                .headline("Before " + u)
                .slug("put-" + u)
                .standfirst("S")
                .body(List.of(Map.of("type", "paragraph", "text", "P")))
                .source("Wire")
                .byline("B")
                .section("world")
                .tags("a")
                .language("uk")
                .published()
                .publishedAt("2026-01-01T00:00:00Z")
                .commentsOpen(false)
                .personIds(personId)
                .placeIds(placeId)
                .create();

        Articles.article()
                .headline("After " + u)
                .slug("put-" + u)
                .put(id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("headline", equalTo("After " + u))
                .body("slug", equalTo("put-" + u))
                .body("standfirst", nullValue())
                .body("body", empty())
                .body("source", nullValue())
                .body("byline", nullValue())
                .body("section", nullValue())
                .body("tags", empty())
                .body("language", equalTo("en"))
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue())
                .body("commentsOpen", equalTo(true))
                .body("personIds", empty())
                .body("placeIds", empty())
                .body("version", equalTo(2));
        read("articles", id)
                .response()
                .then()
                .body("headline", equalTo("After " + u))
                .body("version", equalTo(2))
                .body("tags", empty())
                .body("personIds", empty());
    }

    @Test
    void putBumpsVersionAndUpdatedAtButKeepsCreatedAt() {
        ExtractableResponse<Response> created = Articles.article()
                .headline("Versioned " + unique())
                .post()
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        String slug = created.path("slug");
        ExtractableResponse<Response> put = Articles.article()
                .headline("Versioned again")
                .slug(slug)
                .put(id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .extract();
        assertEquals((String) created.path("createdAt"), put.path("createdAt"));
        assertTrue(Instant.parse(put.path("updatedAt")).isAfter(Instant.parse(created.path("updatedAt"))));
        Articles.article()
                .headline("Versioned a third time")
                .slug(slug)
                .put(id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
    }

    @Test
    void putThatChangesNothingKeepsTheVersion() {
        String u = unique();
        String personId = person("No-op " + u);
        Map<String, Object> body = Articles.article()
                .headline("No-op " + u)
                .slug("no-op-" + u)
                .standfirst("S")
                .body(List.of(Map.of("type", "paragraph", "text", "P")))
                .tags("x", "y")
                .published()
                .publishedAt("2026-01-01T00:00:00Z")
                .personIds(personId)
                .fields();
        ExtractableResponse<Response> created =
                editor().body(body).post(ARTICLES).then().statusCode(201).extract();
        String id = created.path("id");
        editor().body(body)
                .put(ARTICLES + "/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("updatedAt", equalTo(created.path("updatedAt")));
        read("articles", id).response().then().body("version", equalTo(1));
    }

    @Test
    void putWithoutSlugKeepsADerivedSlug() {
        String headline = "Derived kept " + unique();
        String base = headline.toLowerCase().replace(' ', '-');
        Articles.article().headline(headline).create();
        String second = Articles.article().headline(headline).create();
        Articles.article().headline(headline).create();
        assertEquals(base + "-2", read("articles", second).path("slug"));
        Articles.article()
                .headline(headline)
                .standfirst("New")
                .put(second)
                .then()
                .statusCode(200)
                .body("slug", equalTo(base + "-2"))
                .body("version", equalTo(2));
        Articles.article()
                .headline(headline)
                .standfirst("New")
                .put(second)
                .then()
                .statusCode(200)
                .body("slug", equalTo(base + "-2"))
                .body("version", equalTo(2));
    }

    @Test
    void putWithANewHeadlineAndNoSlugDerivesANewSlug() {
        String u = unique();
        String id = Articles.article().headline("Old headline " + u).create();
        Articles.article()
                .headline("New headline " + u)
                .put(id)
                .then()
                .statusCode(200)
                .body("slug", equalTo("new-headline-" + u));
    }

    @Test
    void putOfAPublishedArticleWithoutPublishedAtKeepsItsTime() {
        String headline = "Kept time " + unique();
        String id = Articles.article()
                .headline(headline)
                .published()
                .publishedAt("2026-03-01T10:00:00Z")
                .create();
        Articles.article()
                .headline(headline)
                .published()
                .standfirst("Corrected")
                .put(id)
                .then()
                .statusCode(200)
                .body("publishedAt", equalTo("2026-03-01T10:00:00Z"));
    }

    @Test
    void putIsValidatedLikeCreate() {
        String id = article();
        invalid(Articles.article().without("headline").standfirst("no headline").put(id), "headline");
        invalid(Articles.article().headline("x").with("colour", "red").put(id), "colour");
        read("articles", id).response().then().body("version", equalTo(1));
    }

    @Test
    void putOfUnknownArticleIs404() {
        problem(Articles.article().headline("Nobody").put(UUID.randomUUID()), 404);
    }

    // ---- PATCH ----

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String u = unique();
        String id = Articles.article()
                .headline("Patch me " + u)
                .standfirst("Old")
                .section("world")
                .tags("a", "b")
                .create();
        Articles.edit()
                .standfirst("New")
                .tags("C")
                .patch(id)
                .then()
                .statusCode(200)
                .body("headline", equalTo("Patch me " + u))
                .body("section", equalTo("world"))
                .body("standfirst", equalTo("New"))
                .body("tags", contains("c"))
                .body("version", equalTo(2));
        read("articles", id)
                .response()
                .then()
                .body("standfirst", equalTo("New"))
                .body("tags", contains("c"));
    }

    @Test
    void patchAcceptsPlainJsonAsMergePatch() {
        String id =
                Articles.article().headline("Plain " + unique()).byline("Old").create();
        editor().body(Map.of("byline", "New"))
                .patch(ARTICLES + "/" + id)
                .then()
                .statusCode(200)
                .body("byline", equalTo("New"))
                .body("version", equalTo(2));
    }

    @Test
    void patchNullRemovesAFieldAndArraysReplace() {
        String u = unique();
        String id = Articles.article()
                .headline("Nulls " + u)
                .standfirst("S")
                .commentsOpen(false)
                .language("uk")
                .tags("a", "b")
                .body(List.of(Map.of("type", "paragraph", "text", "One"), Map.of("type", "paragraph", "text", "Two")))
                .create();
        Articles.edit()
                .with("standfirst", null)
                .with("commentsOpen", null)
                .with("language", null)
                .with("tags", null)
                .body(List.of(Map.of("type", "heading", "text", "Only")))
                .patch(id)
                .then()
                .statusCode(200)
                .body("standfirst", nullValue())
                .body("commentsOpen", equalTo(true))
                .body("language", equalTo("en"))
                .body("tags", empty())
                .body("body", equalTo(List.of(Map.of("type", "heading", "text", "Only"))));
    }

    @Test
    void patchResultIsValidatedAsAWhole() {
        String u = unique();
        String id = Articles.article().headline("Whole " + u).create();
        invalid(Articles.edit().with("headline", null).patch(id), "headline");
        invalid(Articles.edit().scheduled().patch(id), "publishedAt");
        invalid(Articles.edit().personIds(UUID.randomUUID().toString()).patch(id), "personIds[0]");
        read("articles", id)
                .response()
                .then()
                .body("headline", equalTo("Whole " + u))
                .body("status", equalTo("draft"))
                .body("version", equalTo(1));
    }

    @Test
    void patchWithUnknownPropertyIs400NamingIt() {
        String id = article();
        invalid(Articles.edit().with("hedline", "x").patch(id), "hedline");
        invalid(
                Articles.edit()
                        .body(List.of(Map.of("type", "paragraph", "text", "t", "foo", "bar")))
                        .patch(id),
                "body[0].foo");
    }

    @Test
    void patchIgnoresReadOnlyFields() {
        String id = article();
        Articles.edit()
                .with("id", UUID.randomUUID().toString())
                .with("version", 99)
                .with("createdAt", "2000-01-01T00:00:00Z")
                .patch(id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("createdAt", not(equalTo("2000-01-01T00:00:00Z")));
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        String headline = "Unchanged " + unique();
        String id = Articles.article().headline(headline).create();
        Articles.edit().patch(id).then().statusCode(200).body("version", equalTo(1));
        Articles.edit().headline(headline).patch(id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void patchingTheSlugToNullDerivesItFromTheHeadline() {
        String u = unique();
        String id = Articles.article()
                .headline("Derive again " + u)
                .slug("custom-" + u)
                .create();
        Articles.edit().with("slug", null).patch(id).then().statusCode(200).body("slug", equalTo("derive-again-" + u));
    }

    @Test
    void patchThatIsNotAnObjectIs400() {
        String id = article();
        problem(editor().contentType("application/merge-patch+json").body("[]").patch(ARTICLES + "/" + id), 400);
        problem(
                editor().contentType("application/merge-patch+json")
                        .body("\"headline\"")
                        .patch(ARTICLES + "/" + id),
                400);
    }

    @Test
    void patchOfUnknownArticleIs404() {
        problem(Articles.edit().headline("x").patch(UUID.randomUUID()), 404);
    }

    // ---- DELETE ----

    @Test
    void deleteAnswers204ThenTheArticleIs404() {
        String id = article();
        editor().delete(ARTICLES + "/" + id).then().statusCode(204).body(equalTo(""));
        problem(editor().get(ARTICLES + "/" + id), 404);
        problem(editor().delete(ARTICLES + "/" + id), 404);
    }

    @Test
    void deleteBySlugWorks() {
        String slug = "delete-by-slug-" + unique();
        Articles.article().headline("Delete by slug").slug(slug).create();
        editor().delete(ARTICLES + "/" + slug).then().statusCode(204);
        problem(editor().get(ARTICLES + "/" + slug), 404);
    }

    @Test
    void deletingAnArticleKeepsItsQuotesUnlinked() {
        String u = unique();
        String articleId = article();
        String quoteId = quote("Still here " + u, person("Speaker " + u), articleId);
        editor().delete(ARTICLES + "/" + articleId).then().statusCode(204);
        read("quotes", quoteId)
                .response()
                .then()
                .body("text", equalTo("Still here " + u))
                .body("articleId", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void deletingAnArticleFreesItsPeopleAndPlaces() {
        String u = unique();
        String personId = person("Freed " + u);
        String placeId = place("Freed " + u, "town", null);
        String articleId = Articles.article()
                .headline("Links " + u)
                .personIds(personId)
                .placeIds(placeId)
                .create();
        editor().delete(ARTICLES + "/" + articleId).then().statusCode(204);
        editor().delete("/api/v1/people/" + personId).then().statusCode(204);
        editor().delete("/api/v1/places/" + placeId).then().statusCode(204);
    }

    // ---- visibility ----

    @Test
    void anonymousCannotSeeDrafts() {
        String id = article("draft");
        String slug = read("articles", id).path("slug");
        problem(anonymous().get(ARTICLES + "/" + id), 404);
        problem(anonymous().get(ARTICLES + "/" + slug), 404);
        assertFalse(ids(walk(Api::anonymous, ARTICLES, 100, null)).contains(id));
    }

    @Test
    void anonymousCannotSeeArchivedArticles() {
        String id = article("archived");
        problem(anonymous().get(ARTICLES + "/" + id), 404);
        assertFalse(ids(walk(Api::anonymous, ARTICLES, 100, null)).contains(id));
    }

    @Test
    void anonymousCannotSeeArticlesScheduledForLater() {
        String id = Articles.article()
                .headline("Later " + unique())
                .scheduled()
                .publishedAt(Instant.now().plus(1, ChronoUnit.DAYS))
                .create();
        problem(anonymous().get(ARTICLES + "/" + id), 404);
        assertFalse(ids(walk(Api::anonymous, ARTICLES, 100, null)).contains(id));
    }

    @Test
    void scheduledArticleIsVisibleOnceItsTimeHasCome() {
        String id = article("scheduled");
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200).body("status", equalTo("scheduled"));
        assertTrue(ids(walk(Api::anonymous, ARTICLES, 100, null)).contains(id));
    }

    @Test
    void anonymousSeesPublishedArticles() {
        String id = article("published");
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200).body("id", equalTo(id));
        assertTrue(ids(walk(Api::anonymous, ARTICLES, 100, null)).contains(id));
    }

    @Test
    void editorSeesEveryArticle() {
        String draft = article("draft");
        String archived = article("archived");
        String later = Articles.article()
                .headline("Later " + unique())
                .scheduled()
                .publishedAt(Instant.now().plus(1, ChronoUnit.DAYS))
                .create();
        for (String id : List.of(draft, archived, later)) {
            editor().get(ARTICLES + "/" + id).then().statusCode(200).body("id", equalTo(id));
        }
        List<String> listed = ids(walk(Api::editor, ARTICLES, 100, null));
        assertTrue(listed.containsAll(List.of(draft, archived, later)));
    }

    @Test
    void unpublishingHidesAnArticleAgain() {
        String id = article("published");
        anonymous().get(ARTICLES + "/" + id).then().statusCode(200);
        editor().body(Map.of("status", "archived"))
                .patch(ARTICLES + "/" + id)
                .then()
                .statusCode(200);
        problem(anonymous().get(ARTICLES + "/" + id), 404);
    }
}
