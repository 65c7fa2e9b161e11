package news.masthead.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import news.masthead.Api;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.invalid;
import static news.masthead.Api.person;
import static news.masthead.Api.problem;
import static news.masthead.Api.quote;
import static news.masthead.Api.read;
import static news.masthead.Api.unique;
import static news.masthead.Api.walk;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class QuotesTest {

    private static final String QUOTES = "/api/v1/quotes";

    @Test
    void createAnswers201WithLocationAndEveryField() {
        String u = unique();
        String speaker = person("Speaker " + u);
        String articleId = article("published");
        ExtractableResponse<Response> created = Quotes.quote()
                .text("We will not leave " + u)
                .speaker(speaker)
                .article(articleId)
                .context("in his evening address")
                .channel("Telegram")
                .saidAt("2026-11-19T19:30:00Z")
                .language("uk")
                .post()
                .then()
                .statusCode(201)
                .contentType("application/json")
                .body("text", equalTo("We will not leave " + u))
                .body("speakerId", equalTo(speaker))
                .body("articleId", equalTo(articleId))
                .body("context", equalTo("in his evening address"))
                .body("channel", equalTo("Telegram"))
                .body("saidAt", equalTo("2026-11-19T19:30:00Z"))
                .body("language", equalTo("uk"))
                .body("createdAt", endsWith("Z"))
                .body("updatedAt", endsWith("Z"))
                .body("version", equalTo(1))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(QUOTES + "/" + id), created.header("Location"));
        anonymous().get(QUOTES + "/" + id).then().statusCode(200).body("text", equalTo("We will not leave " + u));
    }

    @Test
    void newQuoteHasEmptyOptionalFields() {
        String speaker = person("Plain " + unique());
        Quotes.quote()
                .text("Hello.")
                .speaker(speaker)
                .post()
                .then()
                .statusCode(201)
                .body("articleId", nullValue())
                .body("context", nullValue())
                .body("channel", nullValue())
                .body("saidAt", nullValue())
                .body("language", nullValue());
    }

    @Test
    void unknownQuoteIs404() {
        problem(editor().get(QUOTES + "/" + UUID.randomUUID()), 404);
        problem(editor().get(QUOTES + "/not-a-uuid"), 404);
    }

    @Test
    void textAndSpeakerAreRequired() {
        String speaker = person("Required " + unique());
        invalid(Quotes.quote().without("text").speaker(speaker).post(), "text");
        invalid(Quotes.quote().text(" ").speaker(speaker).post(), "text");
        invalid(Quotes.quote().text("Words").post(), "speakerId");
        invalid(Quotes.quote().without("text").post(), "speakerId", "text");
    }

    @Test
    void speakerMustExist() {
        invalid(
                Quotes.quote()
                        .text("Words")
                        .speaker(UUID.randomUUID().toString())
                        .post(),
                "speakerId");
        invalid(Quotes.quote().text("Words").speaker("nobody").post(), "speakerId");
    }

    @Test
    void articleMustExist() {
        String speaker = person("Referenced " + unique());
        invalid(
                Quotes.quote()
                        .text("Words")
                        .speaker(speaker)
                        .article(UUID.randomUUID().toString())
                        .post(),
                "articleId");
    }

    @Test
    void invalidFieldsAre400NamingThem() {
        String speaker = person("Invalid " + unique());
        invalid(
                Quotes.quote()
                        .text("Words")
                        .speaker(speaker)
                        .language("english please")
                        .post(),
                "language");
        invalid(
                Quotes.quote()
                        .text("Words")
                        .speaker(speaker)
                        .saidAt("last night")
                        .post(),
                "saidAt");
        invalid(
                Quotes.quote()
                        .text("Words")
                        .speaker(speaker)
                        .with("speaker", "x")
                        .post(),
                "speaker");
        invalid(Quotes.quote().with("text", 3).speaker(speaker).post(), "text");
    }

    @Test
    void readOnlyFieldsInAWriteBodyAreIgnored() {
        String speaker = person("Read-only " + unique());
        Quotes.quote()
                .text("Words")
                .speaker(speaker)
                .with("id", "x")
                .with("version", 3)
                .with("updatedAt", "never")
                .post()
                .then()
                .statusCode(201)
                .body("version", equalTo(1));
    }

    @Test
    void putReplacesEveryWritableField() {
        String u = unique();
        String speaker = person("Put " + u);
        String id = Quotes.quote()
                .text("Before")
                .speaker(speaker)
                .article(article())
                .context("C")
                .channel("Telegram")
                .saidAt("2026-01-01T00:00:00Z")
                .language("uk")
                .create();
        editor().body(Map.of("text", "After", "speakerId", speaker))
                .put(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("After"))
                .body("articleId", nullValue())
                .body("context", nullValue())
                .body("channel", nullValue())
                .body("saidAt", nullValue())
                .body("language", nullValue())
                .body("version", equalTo(2));
        editor().body(Map.of("text", "After", "speakerId", speaker))
                .put(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void putWithAnUnknownSpeakerIs400AndChangesNothing() {
        String speaker = person("Kept " + unique());
        String id = quote("Kept", speaker, null);
        invalid(
                editor().body(Map.of(
                                "text",
                                "Changed",
                                "speakerId",
                                UUID.randomUUID().toString()))
                        .put(QUOTES + "/" + id),
                "speakerId");
        read("quotes", id).response().then().body("text", equalTo("Kept")).body("speakerId", equalTo(speaker));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() {
        String speaker = person("Patch " + unique());
        String id = Quotes.quote()
                .text("Original")
                .speaker(speaker)
                .channel("Telegram")
                .context("C")
                .create();
        editor().contentType("application/merge-patch+json")
                .body(fields("context", null, "language", "uk"))
                .patch(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("text", equalTo("Original"))
                .body("channel", equalTo("Telegram"))
                .body("context", nullValue())
                .body("language", equalTo("uk"))
                .body("version", equalTo(2));
        invalid(
                editor().contentType("application/merge-patch+json")
                        .body(fields("speakerId", null))
                        .patch(QUOTES + "/" + id),
                "speakerId");
        invalid(editor().body(Map.of("articleId", UUID.randomUUID().toString())).patch(QUOTES + "/" + id), "articleId");
        read("quotes", id).response().then().body("version", equalTo(2));
    }

    @Test
    void deleteAnswers204ThenTheQuoteIs404() {
        String id = quote("Gone", person("Gone " + unique()), null);
        editor().delete(QUOTES + "/" + id).then().statusCode(204);
        problem(editor().get(QUOTES + "/" + id), 404);
    }

    @Test
    void aQuoteOfADraftArticleHidesTheArticleFromAnonymousCallers() {
        String u = unique();
        String draft = article("draft");
        String id = quote("Draft quote " + u, person("Drafted " + u), draft);

        anonymous().get(QUOTES + "/" + id).then().statusCode(200).body("articleId", nullValue());
        editor().get(QUOTES + "/" + id).then().statusCode(200).body("articleId", equalTo(draft));

        Map<String, Object> listedToAnonymous = find(walk(Api::anonymous, QUOTES, 100, null), id);
        assertNull(listedToAnonymous.get("articleId"));
        Map<String, Object> listedToEditor = find(walk(Api::editor, QUOTES, 100, null), id);
        assertEquals(draft, listedToEditor.get("articleId"));
    }

    @Test
    void aQuoteShowsItsArticleOnceTheArticleIsPublished() {
        String u = unique();
        String articleId = article("draft");
        String id = quote("Soon public " + u, person("Soon " + u), articleId);
        anonymous().get(QUOTES + "/" + id).then().statusCode(200).body("articleId", nullValue());
        Articles.edit().published().patch(articleId).then().statusCode(200);
        anonymous().get(QUOTES + "/" + id).then().statusCode(200).body("articleId", equalTo(articleId));
    }

    @Test
    void aQuoteOfAnArchivedOrFutureArticleHidesTheArticle() {
        String u = unique();
        String speaker = person("Hidden " + u);
        String archived = quote("Archived", speaker, article("archived"));
        String future = quote(
                "Future",
                speaker,
                Articles.article()
                        .headline("Future " + u)
                        .scheduled()
                        .publishedAt("2999-01-01T00:00:00Z")
                        .create());
        String past = article("scheduled");
        String visible = quote("Visible", speaker, past);
        anonymous().get(QUOTES + "/" + archived).then().statusCode(200).body("articleId", nullValue());
        anonymous().get(QUOTES + "/" + future).then().statusCode(200).body("articleId", nullValue());
        anonymous().get(QUOTES + "/" + visible).then().statusCode(200).body("articleId", equalTo(past));
    }

    @Test
    void aQuotesVersionAndTagChangeWhenItsArticleIsShownOrHidden() {
        String u = unique();
        String articleId = article("draft");
        String id = quote("Follows its article " + u, person("Follower " + u), articleId);
        String tag = anonymous()
                .get(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .extract()
                .header("ETag");
        int version = 1;
        for (String status : List.of("published", "archived", "published", "draft")) {
            Articles.edit().status(status).patch(articleId).then().statusCode(200);
            version++;
            String shown = status.equals("published") ? articleId : null;
            String next = anonymous()
                    .header("If-None-Match", tag)
                    .get(QUOTES + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(version))
                    .body("articleId", equalTo(shown))
                    .extract()
                    .header("ETag");
            assertNotEquals(tag, next, "after " + status);
            tag = next;
        }
        // A write that leaves the article hidden is no change to the quote.
        Articles.edit().archived().patch(articleId).then().statusCode(200);
        anonymous().header("If-None-Match", tag).get(QUOTES + "/" + id).then().statusCode(304);
        editor().get(QUOTES + "/" + id).then().statusCode(200).header("ETag", equalTo("\"" + version + "\""));
    }

    @Test
    void aQuotesTagChangesWhenItsScheduledArticleComesDue() throws InterruptedException {
        String u = unique();
        java.time.Instant due = java.time.Instant.now().plusSeconds(2);
        String articleId = Articles.article()
                .headline("Due " + u)
                .scheduled()
                .publishedAt(due)
                .create();
        String id = quote("Said before it was due " + u, person("Early " + u), articleId);
        String before = anonymous()
                .get(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("articleId", nullValue())
                .extract()
                .header("ETag");
        anonymous()
                .get(QUOTES + "?speaker=" + speakerOf(id))
                .then()
                .statusCode(200)
                .body("items[0].articleId", nullValue());
        Thread.sleep(Math.max(0, due.toEpochMilli() - System.currentTimeMillis()) + 300);
        anonymous()
                .header("If-None-Match", before)
                .get(QUOTES + "/" + id)
                .then()
                .statusCode(200)
                .body("articleId", equalTo(articleId))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(before)));
        anonymous()
                .get(QUOTES + "?speaker=" + speakerOf(id))
                .then()
                .statusCode(200)
                .body("items[0].articleId", equalTo(articleId));
    }

    private static String bodyOf(RequestSpecification caller, String path) {
        return caller.get(path).then().statusCode(200).extract().asString();
    }

    private static String speakerOf(String quoteId) {
        return editor().get(QUOTES + "/" + quoteId)
                .then()
                .statusCode(200)
                .extract()
                .path("speakerId");
    }

    @Test
    void aListedQuoteIsItsSingleGetByteForByteForEachCallerAndInclude() throws Exception {
        String u = unique();
        String speaker = People.person()
                .name("Listed Speaker " + u)
                .aliases("L. Speaker", "Лістинг")
                .role("minister")
                .create();
        String draft = article("draft");
        String published = Articles.article()
                .headline("Listed published " + u)
                .published()
                .tags("listed", "quotes")
                .body(List.of(
                        Map.of("type", "paragraph", "text", "A \"quoted\" line \u2014 and more."),
                        Map.of("type", "related", "articleId", draft)))
                .create();
        Quotes.quote()
                .text("Unlinked \"words\" " + u)
                .speaker(speaker)
                .context("at a briefing")
                .channel("radio")
                .saidAt("2026-03-01T10:15:30.123456Z")
                .language("uk")
                .create();
        quote("Of the published one " + u, speaker, published);
        quote("Of the draft " + u, speaker, draft);
        ObjectMapper json = new ObjectMapper();
        for (Supplier<RequestSpecification> caller :
                List.<Supplier<RequestSpecification>>of(Api::anonymous, Api::editor)) {
            for (String include : List.of("", "speaker", "article", "speaker,article")) {
                String list = caller.get()
                        .queryParam("speaker", speaker)
                        .queryParam("include", include)
                        .get(QUOTES)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                JsonNode items = json.readTree(list).get("items");
                assertEquals(3, items.size());
                for (JsonNode item : items) {
                    String single = caller.get()
                            .queryParam("include", include.isEmpty() ? null : include)
                            .get(QUOTES + "/" + item.get("id").asText())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString();
                    assertEquals(json.readTree(single).toString(), item.toString(), "include=" + include);
                    // Rendered by PostgreSQL both: held against the records as their own GETs give them (Jackson's
                    // for the quote and its speaker), included records last, speaker first.
                    ObjectNode expected = (ObjectNode) json.readTree(
                            bodyOf(caller.get(), QUOTES + "/" + item.get("id").asText()));
                    if (include.contains("speaker")) {
                        expected.set("speaker", json.readTree(bodyOf(caller.get(), "/api/v1/people/" + speaker)));
                    }
                    if (include.contains("article") && !item.get("articleId").isNull()) {
                        expected.set(
                                "article",
                                json.readTree(bodyOf(
                                        caller.get(),
                                        "/api/v1/articles/"
                                                + item.get("articleId").asText())));
                    }
                    assertEquals(expected.toString(), item.toString(), "include=" + include);
                }
            }
        }
    }

    @Test
    void aCachedListAndQuoteFollowTheirArticlesVisibilityAndTheirRecordsEdits() {
        String u = unique();
        String speaker = person("Cached Speaker " + u);
        String articleId = article("draft");
        String id = quote("Listed before publication " + u, speaker, articleId);
        String list = QUOTES + "?include=speaker,article&speaker=" + speaker;
        String single = QUOTES + "/" + id + "?include=speaker,article";
        java.util.function.BiConsumer<String, Object> shows = (field, value) -> { // read twice: the second is kept
            for (int i = 0; i < 2; i++) {
                anonymous().get(list).then().statusCode(200).body("items[0]." + field, equalTo(value));
                anonymous().get(single).then().statusCode(200).body(field, equalTo(value));
            }
        };
        shows.accept("articleId", null);
        shows.accept("article", null);
        shows.accept("speaker.name", "Cached Speaker " + u);

        Articles.edit().published().patch(articleId).then().statusCode(200);
        shows.accept("articleId", articleId);
        shows.accept("article.id", articleId);

        People.person().name("Renamed Speaker " + u).patch(speaker).then().statusCode(200);
        shows.accept("speaker.name", "Renamed Speaker " + u);
        Articles.edit().headline("Edited headline " + u).patch(articleId).then().statusCode(200);
        shows.accept("article.headline", "Edited headline " + u);
        Articles.edit().draft().patch(articleId).then().statusCode(200);
        shows.accept("articleId", null);
        shows.accept("article", null);
    }

    private static Map<String, Object> find(List<Map<String, Object>> items, String id) {
        List<Map<String, Object>> hits =
                items.stream().filter(i -> id.equals(i.get("id"))).toList();
        assertEquals(1, hits.size(), "the quote is listed exactly once");
        return hits.get(0);
    }
}
