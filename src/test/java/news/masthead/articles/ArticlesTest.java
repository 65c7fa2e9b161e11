package news.masthead.articles;

import io.quarkus.test.junit.QuarkusTest;
import news.masthead.Api;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.ids;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static news.masthead.Api.walk;
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
        ExtractableResponse<Response> created = editor().body(Map.of("headline", headline)).post(ARTICLES)
                .then().statusCode(201).contentType("application/json")
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
        editor().body(Map.of("headline", "Defaults " + unique())).post(ARTICLES).then().statusCode(201)
                .body("status", equalTo("draft"))
                .body("language", equalTo("en"))
                .body("commentsOpen", equalTo(true))
                .body("body", empty())
                .body("tags", empty())
                .body("personIds", empty())
                .body("placeIds", empty())
                .body("publishedAt", nullValue())
                .body("standfirst", nullValue());
    }

    @Test
    void createStoresEveryWritableField() {
        String u = unique();
        String personId = person("Olena Marchenko " + u);
        String placeId = place("Izium " + u, "city", null);
        String speakerId = person("Speaker " + u);
        String quoteId = quote("We stay.", speakerId, null);
        String relatedId = article();
        Map<String, Object> body = fields(
                "slug", "full-article-" + u,
                "headline", "Full article " + u,
                "standfirst", "Residents describe a hurried departure.",
                "body", List.of(
                        Map.of("type", "heading", "text", "Dawn"),
                        Map.of("type", "paragraph", "text", "The convoy left before dawn."),
                        Map.of("type", "quote", "quoteId", quoteId),
                        Map.of("type", "related", "articleId", relatedId),
                        Map.of("type", "related", "url", "https://example.org/story", "title", "Elsewhere")),
                "source", "Masthead Wire",
                "byline", "Olena Marchenko",
                "section", "world",
                "tags", List.of("ukraine", "war"),
                "language", "uk",
                "status", "published",
                "publishedAt", "2026-11-20T06:00:00Z",
                "commentsOpen", false,
                "personIds", List.of(personId),
                "placeIds", List.of(placeId));
        String id = editor().body(body).post(ARTICLES).then().statusCode(201).extract().path("id");

        read("articles", id).response().then()
                .body("slug", equalTo("full-article-" + u))
                .body("headline", equalTo("Full article " + u))
                .body("standfirst", equalTo("Residents describe a hurried departure."))
                .body("body", equalTo(body.get("body")))
                .body("source", equalTo("Masthead Wire"))
                .body("byline", equalTo("Olena Marchenko"))
                .body("section", equalTo("world"))
                .body("tags", contains("ukraine", "war"))
                .body("language", equalTo("uk"))
                .body("status", equalTo("published"))
                .body("publishedAt", equalTo("2026-11-20T06:00:00Z"))
                .body("commentsOpen", equalTo(false))
                .body("personIds", contains(personId))
                .body("placeIds", contains(placeId));
    }

    @Test
    void articleIsFoundByIdAndBySlug() {
        String slug = "by-slug-" + unique();
        String id = create("articles", Map.of("headline", "By slug", "slug", slug));
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
        editor().body(Map.of("headline", "Tags " + unique(), "tags", List.of("Ukraine", "WAR", "ukraine", "War")))
                .post(ARTICLES).then().statusCode(201)
                .body("tags", contains("ukraine", "war"));
    }

    @Test
    void publishingWithoutPublishedAtSetsItToNow() {
        Instant before = Instant.now().minusSeconds(1);
        String publishedAt = editor().body(Map.of("headline", "Now " + unique(), "status", "published"))
                .post(ARTICLES).then().statusCode(201)
                .body("publishedAt", endsWith("Z")).extract().path("publishedAt");
        Instant at = Instant.parse(publishedAt);
        assertFalse(at.isBefore(before), at + " is not before the request");
        assertFalse(at.isAfter(Instant.now().plusSeconds(1)), at + " is not after the request");
    }

    @Test
    void publishingByPatchSetsPublishedAt() {
        String id = article();
        editor().contentType("application/merge-patch+json").body(Map.of("status", "published"))
                .patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("status", equalTo("published")).body("publishedAt", notNullValue());
    }

    @Test
    void publishingAScheduledArticleWithoutPublishedAtPublishesItNow() {
        String headline = "Rescheduled " + unique();
        String id = create("articles", Map.of("headline", headline, "status", "scheduled",
                "publishedAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()));
        String publishedAt = editor().body(Map.of("headline", headline, "status", "published"))
                .put(ARTICLES + "/" + id).then().statusCode(200).extract().path("publishedAt");
        assertFalse(Instant.parse(publishedAt).isAfter(Instant.now().plusSeconds(1)),
                "published now, not at the old scheduled time: " + publishedAt);
    }

    @Test
    void scheduledWithoutPublishedAtIs400NamingPublishedAt() {
        invalid(editor().body(Map.of("headline", "Scheduled " + unique(), "status", "scheduled")).post(ARTICLES),
                "publishedAt");
    }

    // ---- unknown and read-only properties ----

    @Test
    void readOnlyFieldsInAWriteBodyAreIgnored() {
        String sentId = UUID.randomUUID().toString();
        ExtractableResponse<Response> created = editor().body(fields("headline", "Read-only " + unique(),
                        "id", sentId, "createdAt", "2000-01-01T00:00:00Z", "updatedAt", "2000-01-01T00:00:00Z", "version", 42))
                .post(ARTICLES).then().statusCode(201).body("version", equalTo(1)).extract();
        assertNotEquals(sentId, created.path("id"));
        assertNotEquals("2000-01-01T00:00:00Z", created.path("createdAt"));
        assertNotEquals("2000-01-01T00:00:00Z", created.path("updatedAt"));
        problem(editor().get(ARTICLES + "/" + sentId), 404);
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        String headline = "Typo " + unique();
        invalid(editor().body(Map.of("headline", headline, "hedline", "x")).post(ARTICLES), "hedline");
    }

    @Test
    void unknownPropertyInABodyBlockIs400NamingItsPath() {
        invalid(editor().body(Map.of("headline", "Nested typo " + unique(),
                        "body", List.of(Map.of("type", "paragraph", "text", "ok", "foo", 1)))).post(ARTICLES),
                "body[0].foo");
    }

    // ---- validation ----

    @Test
    void headlineIsRequired() {
        invalid(editor().body(Map.of("standfirst", "No headline")).post(ARTICLES), "headline");
        invalid(editor().body(Map.of("headline", "")).post(ARTICLES), "headline");
        invalid(editor().body(Map.of("headline", "   ")).post(ARTICLES), "headline");
        invalid(editor().body(fields("headline", null)).post(ARTICLES), "headline");
    }

    @Test
    void headlineOver300CharactersIs400() {
        String u = unique();
        editor().body(Map.of("headline", u + "x".repeat(300 - u.length()))).post(ARTICLES).then().statusCode(201);
        invalid(editor().body(Map.of("headline", u + "x".repeat(301 - u.length()))).post(ARTICLES), "headline");
    }

    @Test
    void anInstantGivenAsANumberIs400NotEpochSeconds() {
        invalid(editor().body(Map.of("headline", "Numeric date " + unique(), "publishedAt", 12)).post(ARTICLES), "publishedAt");
        String id = article();
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("publishedAt", 12.5)).patch(ARTICLES + "/" + id),
                "publishedAt");
    }

    @Test
    void slugMustMatchThePattern() {
        for (String bad : List.of("Has Spaces", "UPPER", "double--hyphen", "-leading", "trailing-", "under_score", "ümlaut")) {
            invalid(editor().body(Map.of("headline", "Bad slug", "slug", bad)).post(ARTICLES), "slug");
        }
    }

    @Test
    void paragraphWithoutTextIs400NamingTheBlock() {
        invalid(editor().body(Map.of("headline", "Blocks " + unique(), "body", List.of(
                Map.of("type", "paragraph", "text", "First."),
                Map.of("type", "paragraph")))).post(ARTICLES), "body[1].text");
    }

    @Test
    void quoteBlockWithoutQuoteIdIs400NamingTheBlock() {
        invalid(editor().body(Map.of("headline", "Blocks " + unique(), "body", List.of(
                Map.of("type", "heading", "text", "Heading"),
                Map.of("type", "paragraph", "text", "Text."),
                Map.of("type", "quote")))).post(ARTICLES), "body[2].quoteId");
    }

    @Test
    void quoteBlockWithUnknownQuoteIs400NamingTheBlock() {
        invalid(editor().body(Map.of("headline", "Blocks " + unique(), "body", List.of(
                Map.of("type", "heading", "text", "Heading"),
                Map.of("type", "paragraph", "text", "Text."),
                Map.of("type", "quote", "quoteId", UUID.randomUUID().toString())))).post(ARTICLES), "body[2].quoteId");
    }

    @Test
    void relatedBlockNeedsExactlyOneOfArticleIdAndUrl() {
        String h = "Related " + unique();
        invalid(editor().body(Map.of("headline", h, "body", List.of(Map.of("type", "related")))).post(ARTICLES),
                "body[0].articleId");
        invalid(editor().body(Map.of("headline", h, "body", List.of(Map.of("type", "related",
                "articleId", article(), "url", "https://example.org/")))).post(ARTICLES), "body[0].url");
        invalid(editor().body(Map.of("headline", h, "body", List.of(Map.of("type", "related",
                "url", "javascript:alert(1)")))).post(ARTICLES), "body[0].url");
    }

    @Test
    void relatedBlockWithUnknownArticleIs400() {
        invalid(editor().body(Map.of("headline", "Related " + unique(), "body", List.of(
                Map.of("type", "paragraph", "text", "See also"),
                Map.of("type", "related", "articleId", UUID.randomUUID().toString())))).post(ARTICLES), "body[1].articleId");
    }

    @Test
    void blockFieldsOfAnotherTypeAre400() {
        invalid(editor().body(Map.of("headline", "Mixed " + unique(), "body", List.of(
                Map.of("type", "heading", "text", "H", "url", "https://example.org/")))).post(ARTICLES), "body[0].url");
    }

    @Test
    void blankTagIs400NamingIt() {
        invalid(editor().body(Map.of("headline", "Blank tag " + unique(), "tags", List.of("ok", " "))).post(ARTICLES),
                "tags[1]");
    }

    @Test
    void unknownBlockTypeIs400() {
        invalid(editor().body(Map.of("headline", "Blocks " + unique(), "body", List.of(
                Map.of("type", "video", "text", "x")))).post(ARTICLES), "body[0].type");
    }

    @Test
    void invalidStatusIs400NamingStatus() {
        invalid(editor().body(Map.of("headline", "Status " + unique(), "status", "live")).post(ARTICLES), "status");
    }

    @Test
    void malformedPersonIdIs400NamingItsIndex() {
        invalid(editor().body(Map.of("headline", "Ids " + unique(), "personIds", List.of("not-a-uuid"))).post(ARTICLES),
                "personIds[0]");
    }

    @Test
    void unknownPeopleAndPlacesAre400NamingTheirIndex() {
        String u = unique();
        String known = person("Known " + u);
        invalid(editor().body(Map.of("headline", "Refs " + u,
                "personIds", List.of(known, UUID.randomUUID().toString()))).post(ARTICLES), "personIds[1]");
        invalid(editor().body(Map.of("headline", "Refs " + u,
                "placeIds", List.of(UUID.randomUUID().toString()))).post(ARTICLES), "placeIds[0]");
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        String h = "Types " + unique();
        invalid(editor().body(Map.of("headline", h, "commentsOpen", "yes")).post(ARTICLES), "commentsOpen");
        invalid(editor().body(Map.of("headline", h, "tags", "war")).post(ARTICLES), "tags");
        invalid(editor().body(Map.of("headline", h, "body", Map.of("type", "paragraph"))).post(ARTICLES), "body");
        invalid(editor().body(Map.of("headline", h, "publishedAt", "yesterday")).post(ARTICLES), "publishedAt");
        invalid(editor().body(Map.of("headline", List.of(h))).post(ARTICLES), "headline");
        invalid(editor().body(Map.of("headline", 42)).post(ARTICLES), "headline");
        invalid(editor().body(Map.of("headline", h, "tags", List.of(7))).post(ARTICLES), "tags[0]");
    }

    @Test
    void badLanguageTagIs400() {
        invalid(editor().body(Map.of("headline", "Lang " + unique(), "language", "not a language")).post(ARTICLES), "language");
        editor().body(Map.of("headline", "Lang " + unique(), "language", "pt-BR")).post(ARTICLES)
                .then().statusCode(201).body("language", equalTo("pt-BR"));
    }

    @Test
    void invalidBodyCreatesNothing() {
        String slug = "never-created-" + unique();
        invalid(editor().body(Map.of("headline", "x", "slug", slug, "personIds", List.of(UUID.randomUUID().toString())))
                .post(ARTICLES), "personIds[0]");
        problem(editor().get(ARTICLES + "/" + slug), 404);
    }

    // ---- slugs ----

    @Test
    void slugIsDerivedFromTheHeadline() {
        String u = unique();
        editor().body(Map.of("headline", "Kyiv: Mayor's Address — Day 3 " + u)).post(ARTICLES).then().statusCode(201)
                .body("slug", equalTo("kyiv-mayors-address-day-3-" + u));
        editor().body(Map.of("headline", "Zürich café, “Ça va?” " + u)).post(ARTICLES).then().statusCode(201)
                .body("slug", equalTo("zurich-cafe-ca-va-" + u));
    }

    @Test
    void derivedSlugClashGetsANumericSuffix() {
        String headline = "Same headline " + unique();
        String base = headline.toLowerCase().replace(' ', '-');
        String first = create("articles", Map.of("headline", headline));
        String second = create("articles", Map.of("headline", headline));
        String third = create("articles", Map.of("headline", headline));
        assertEquals(base, read("articles", first).path("slug"));
        assertEquals(base + "-2", read("articles", second).path("slug"));
        assertEquals(base + "-3", read("articles", third).path("slug"));
        editor().get(ARTICLES + "/" + base + "-2").then().statusCode(200).body("id", equalTo(second));
    }

    @Test
    void explicitSlugClashIs409() {
        String slug = "taken-" + unique();
        create("articles", Map.of("headline", "First", "slug", slug));
        problem(editor().body(Map.of("headline", "Second", "slug", slug)).post(ARTICLES), 409)
                .body("detail", containsString(slug));
        String other = article();
        problem(editor().body(Map.of("headline", "Other", "slug", slug)).put(ARTICLES + "/" + other), 409);
        problem(editor().body(Map.of("slug", slug)).patch(ARTICLES + "/" + other), 409);
    }

    // ---- PUT ----

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String personId = person("Put person " + u);
        String placeId = place("Put place " + u, "town", null);
        String id = create("articles", fields("headline", "Before " + u, "slug", "put-" + u, "standfirst", "S",
                "body", List.of(Map.of("type", "paragraph", "text", "P")), "source", "Wire", "byline", "B",
                "section", "world", "tags", List.of("a"), "language", "uk", "status", "published",
                "publishedAt", "2026-01-01T00:00:00Z", "commentsOpen", false,
                "personIds", List.of(personId), "placeIds", List.of(placeId)));

        editor().body(Map.of("headline", "After " + u, "slug", "put-" + u)).put(ARTICLES + "/" + id).then().statusCode(200)
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
        read("articles", id).response().then().body("headline", equalTo("After " + u)).body("version", equalTo(2))
                .body("tags", empty()).body("personIds", empty());
    }

    @Test
    void putBumpsVersionAndUpdatedAtButKeepsCreatedAt() {
        ExtractableResponse<Response> created = editor().body(Map.of("headline", "Versioned " + unique()))
                .post(ARTICLES).then().statusCode(201).extract();
        String id = created.path("id");
        String slug = created.path("slug");
        ExtractableResponse<Response> put = editor().body(Map.of("headline", "Versioned again", "slug", slug))
                .put(ARTICLES + "/" + id).then().statusCode(200).body("version", equalTo(2)).extract();
        assertEquals((String) created.path("createdAt"), put.path("createdAt"));
        assertTrue(Instant.parse(put.path("updatedAt")).isAfter(Instant.parse(created.path("updatedAt"))));
        editor().body(Map.of("headline", "Versioned a third time", "slug", slug))
                .put(ARTICLES + "/" + id).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void putThatChangesNothingKeepsTheVersion() {
        String u = unique();
        String personId = person("No-op " + u);
        Map<String, Object> body = fields("headline", "No-op " + u, "slug", "no-op-" + u, "standfirst", "S",
                "body", List.of(Map.of("type", "paragraph", "text", "P")), "tags", List.of("x", "y"),
                "status", "published", "publishedAt", "2026-01-01T00:00:00Z", "personIds", List.of(personId));
        ExtractableResponse<Response> created = editor().body(body).post(ARTICLES).then().statusCode(201).extract();
        String id = created.path("id");
        editor().body(body).put(ARTICLES + "/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("updatedAt", equalTo(created.path("updatedAt")));
        read("articles", id).response().then().body("version", equalTo(1));
    }

    @Test
    void putWithoutSlugKeepsADerivedSlug() {
        String headline = "Derived kept " + unique();
        String base = headline.toLowerCase().replace(' ', '-');
        create("articles", Map.of("headline", headline));
        String second = create("articles", Map.of("headline", headline));
        create("articles", Map.of("headline", headline));
        assertEquals(base + "-2", read("articles", second).path("slug"));
        editor().body(Map.of("headline", headline, "standfirst", "New")).put(ARTICLES + "/" + second).then().statusCode(200)
                .body("slug", equalTo(base + "-2")).body("version", equalTo(2));
        editor().body(Map.of("headline", headline, "standfirst", "New")).put(ARTICLES + "/" + second).then().statusCode(200)
                .body("slug", equalTo(base + "-2")).body("version", equalTo(2));
    }

    @Test
    void putWithANewHeadlineAndNoSlugDerivesANewSlug() {
        String u = unique();
        String id = create("articles", Map.of("headline", "Old headline " + u));
        editor().body(Map.of("headline", "New headline " + u)).put(ARTICLES + "/" + id).then().statusCode(200)
                .body("slug", equalTo("new-headline-" + u));
    }

    @Test
    void putOfAPublishedArticleWithoutPublishedAtKeepsItsTime() {
        String headline = "Kept time " + unique();
        String id = create("articles", Map.of("headline", headline, "status", "published", "publishedAt", "2026-03-01T10:00:00Z"));
        editor().body(Map.of("headline", headline, "status", "published", "standfirst", "Corrected"))
                .put(ARTICLES + "/" + id).then().statusCode(200)
                .body("publishedAt", equalTo("2026-03-01T10:00:00Z"));
    }

    @Test
    void putIsValidatedLikeCreate() {
        String id = article();
        invalid(editor().body(Map.of("standfirst", "no headline")).put(ARTICLES + "/" + id), "headline");
        invalid(editor().body(Map.of("headline", "x", "colour", "red")).put(ARTICLES + "/" + id), "colour");
        read("articles", id).response().then().body("version", equalTo(1));
    }

    @Test
    void putOfUnknownArticleIs404() {
        problem(editor().body(Map.of("headline", "Nobody")).put(ARTICLES + "/" + UUID.randomUUID()), 404);
    }

    // ---- PATCH ----

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String u = unique();
        String id = create("articles", Map.of("headline", "Patch me " + u, "standfirst", "Old", "section", "world",
                "tags", List.of("a", "b")));
        editor().contentType("application/merge-patch+json").body(Map.of("standfirst", "New", "tags", List.of("C")))
                .patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("headline", equalTo("Patch me " + u))
                .body("section", equalTo("world"))
                .body("standfirst", equalTo("New"))
                .body("tags", contains("c"))
                .body("version", equalTo(2));
        read("articles", id).response().then().body("standfirst", equalTo("New")).body("tags", contains("c"));
    }

    @Test
    void patchAcceptsPlainJsonAsMergePatch() {
        String id = create("articles", Map.of("headline", "Plain " + unique(), "byline", "Old"));
        editor().body(Map.of("byline", "New")).patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("byline", equalTo("New")).body("version", equalTo(2));
    }

    @Test
    void patchNullRemovesAFieldAndArraysReplace() {
        String u = unique();
        String id = create("articles", Map.of("headline", "Nulls " + u, "standfirst", "S", "commentsOpen", false,
                "language", "uk", "tags", List.of("a", "b"),
                "body", List.of(Map.of("type", "paragraph", "text", "One"), Map.of("type", "paragraph", "text", "Two"))));
        editor().contentType("application/merge-patch+json")
                .body(fields("standfirst", null, "commentsOpen", null, "language", null, "tags", null,
                        "body", List.of(Map.of("type", "heading", "text", "Only"))))
                .patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("standfirst", nullValue())
                .body("commentsOpen", equalTo(true))
                .body("language", equalTo("en"))
                .body("tags", empty())
                .body("body", equalTo(List.of(Map.of("type", "heading", "text", "Only"))));
    }

    @Test
    void patchResultIsValidatedAsAWhole() {
        String u = unique();
        String id = create("articles", Map.of("headline", "Whole " + u));
        invalid(editor().contentType("application/merge-patch+json").body(fields("headline", null))
                .patch(ARTICLES + "/" + id), "headline");
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("status", "scheduled"))
                .patch(ARTICLES + "/" + id), "publishedAt");
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("personIds", List.of(UUID.randomUUID().toString())))
                .patch(ARTICLES + "/" + id), "personIds[0]");
        read("articles", id).response().then().body("headline", equalTo("Whole " + u))
                .body("status", equalTo("draft")).body("version", equalTo(1));
    }

    @Test
    void patchWithUnknownPropertyIs400NamingIt() {
        String id = article();
        invalid(editor().contentType("application/merge-patch+json").body(Map.of("hedline", "x"))
                .patch(ARTICLES + "/" + id), "hedline");
        invalid(editor().contentType("application/merge-patch+json")
                .body(Map.of("body", List.of(Map.of("type", "paragraph", "text", "t", "foo", "bar"))))
                .patch(ARTICLES + "/" + id), "body[0].foo");
    }

    @Test
    void patchIgnoresReadOnlyFields() {
        String id = article();
        editor().contentType("application/merge-patch+json")
                .body(Map.of("id", UUID.randomUUID().toString(), "version", 99, "createdAt", "2000-01-01T00:00:00Z"))
                .patch(ARTICLES + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("version", equalTo(1)).body("createdAt", not(equalTo("2000-01-01T00:00:00Z")));
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        String headline = "Unchanged " + unique();
        String id = create("articles", Map.of("headline", headline));
        editor().contentType("application/merge-patch+json").body(Map.of()).patch(ARTICLES + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        editor().contentType("application/merge-patch+json").body(Map.of("headline", headline)).patch(ARTICLES + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void patchingTheSlugToNullDerivesItFromTheHeadline() {
        String u = unique();
        String id = create("articles", Map.of("headline", "Derive again " + u, "slug", "custom-" + u));
        editor().contentType("application/merge-patch+json").body(fields("slug", null)).patch(ARTICLES + "/" + id)
                .then().statusCode(200).body("slug", equalTo("derive-again-" + u));
    }

    @Test
    void patchThatIsNotAnObjectIs400() {
        String id = article();
        problem(editor().contentType("application/merge-patch+json").body("[]").patch(ARTICLES + "/" + id), 400);
        problem(editor().contentType("application/merge-patch+json").body("\"headline\"").patch(ARTICLES + "/" + id), 400);
    }

    @Test
    void patchOfUnknownArticleIs404() {
        problem(editor().contentType("application/merge-patch+json").body(Map.of("headline", "x"))
                .patch(ARTICLES + "/" + UUID.randomUUID()), 404);
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
        create("articles", Map.of("headline", "Delete by slug", "slug", slug));
        editor().delete(ARTICLES + "/" + slug).then().statusCode(204);
        problem(editor().get(ARTICLES + "/" + slug), 404);
    }

    @Test
    void deletingAnArticleKeepsItsQuotesUnlinked() {
        String u = unique();
        String articleId = article();
        String quoteId = quote("Still here " + u, person("Speaker " + u), articleId);
        editor().delete(ARTICLES + "/" + articleId).then().statusCode(204);
        read("quotes", quoteId).response().then()
                .body("text", equalTo("Still here " + u))
                .body("articleId", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void deletingAnArticleFreesItsPeopleAndPlaces() {
        String u = unique();
        String personId = person("Freed " + u);
        String placeId = place("Freed " + u, "town", null);
        String articleId = create("articles", Map.of("headline", "Links " + u,
                "personIds", List.of(personId), "placeIds", List.of(placeId)));
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
        String id = create("articles", Map.of("headline", "Later " + unique(), "status", "scheduled",
                "publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
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
        String later = create("articles", Map.of("headline", "Later " + unique(), "status", "scheduled",
                "publishedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
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
        editor().body(Map.of("status", "archived")).patch(ARTICLES + "/" + id).then().statusCode(200);
        problem(anonymous().get(ARTICLES + "/" + id), 404);
    }
}
