package news.masthead.comments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.article;
import static news.masthead.Api.editor;
import static news.masthead.Api.publishedArticle;
import static news.masthead.Api.unique;
import static news.masthead.Json.assertBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class CommentTest {

    static Map<String, Object> comment(String body) {
        Map<String, Object> m = new HashMap<>();
        m.put("authorName", "Reader " + unique());
        m.put("authorEmail", "reader-" + unique() + "@example.org");
        m.put("body", body);
        return m;
    }

    /** Posts anonymously and returns the new comment's id. */
    static String post(String article, Map<String, Object> body) {
        return anonymous()
                .body(body)
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void approve(String id) {
        editor().body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("approved"));
    }

    @Test
    void anonymousCommentLandsPendingWhateverStatusIsSentAndNeverShowsTheEmail() {
        String article = publishedArticle();
        Map<String, Object> body = comment("First!");
        body.put("status", "approved");
        ExtractableResponse<Response> r = anonymous()
                .body(body)
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/comments/[0-9a-f-]{36}"))
                .body("status", equalTo("pending"))
                .body("articleId", equalTo(article))
                .body("parentId", nullValue())
                .body("authorName", equalTo(body.get("authorName")))
                .body("body", equalTo("First!"))
                .body("version", equalTo(1))
                .body("createdAt", endsWith("Z"))
                .body("$", not(hasKey("authorEmail")))
                .extract();
        assertFalse(r.asString().contains((String) body.get("authorEmail")));
        String id = r.path("id");
        assertEquals(true, r.header("Location").endsWith("/api/v1/comments/" + id));

        Response list = anonymous().get("/api/v1/articles/" + article + "/comments");
        list.then().statusCode(200);
        assertBody("""
                {"items": [], "total": 0, "limit": 20, "next": null}""", list);
        editor().get("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("authorEmail", equalTo(body.get("authorEmail")))
                .body("status", equalTo("pending"))
                .header("ETag", equalTo("\"1\""));
    }

    @Test
    void publicListShowsApprovedCommentsOldestFirstWithoutEmails() {
        String article = publishedArticle();
        String a = Comments.commentOn(article).body("one").create();
        String b = Comments.commentOn(article).body("two").create();
        String c = Comments.commentOn(article).body("three").create();
        String spam = Comments.commentOn(article).body("buy now").create();
        approve(c);
        approve(a);
        approve(b);
        editor().body(Map.of("status", "spam"))
                .patch("/api/v1/comments/" + spam)
                .then()
                .statusCode(200);

        ExtractableResponse<Response> first = anonymous()
                .queryParam("limit", 2)
                .get("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(a, b)))
                .body("total", equalTo(3))
                .body("limit", equalTo(2))
                .body("items[0]", not(hasKey("authorEmail")))
                .body("items[0].status", equalTo("approved"))
                .header("Link", containsString("rel=\"next\""))
                .extract();
        anonymous()
                .queryParam("limit", 2)
                .queryParam("cursor", (String) first.path("next"))
                .get("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(c)))
                .body("next", nullValue());
        // The same list by slug; editors get the same public shape here.
        String slug =
                editor().get("/api/v1/articles/" + article).then().extract().path("slug");
        editor().get("/api/v1/articles/" + slug + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(a, b, c)))
                .body("items[0]", not(hasKey("authorEmail")));
        anonymous()
                .queryParam("sort", "-createdAt")
                .get("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(c, b, a)));
        anonymous()
                .queryParam("sort", "authorEmail")
                .get("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void aListedCommentIsItsModeratedCopyWithoutTheEmailByteForByte() throws Exception {
        String article = publishedArticle();
        String first = Comments.commentOn(article)
                .body("  \"Quoted\" — ünïcødé 🎉\r\n\ttabs  ")
                .create();
        approve(first);
        Map<String, Object> reply = comment("A reply");
        reply.put("parentId", first);
        String second = post(article, reply);
        approve(second);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var items = json.readTree(anonymous()
                        .get("/api/v1/articles/" + article + "/comments")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .get("items");
        assertEquals(2, items.size());
        for (var item : items) { // the moderators' copy (Jackson's) without its e-mail is the public one
            var single = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                    editor().get("/api/v1/comments/" + item.get("id").asText())
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            single.remove("authorEmail");
            assertEquals(single.toString(), item.toString());
        }
        assertEquals(first, items.get(1).get("parentId").asText());
    }

    @Test
    void aCachedCommentListFollowsModerationAndItsArticle() {
        String article = publishedArticle();
        String list = "/api/v1/articles/" + article + "/comments";
        anonymous().get(list).then().statusCode(200).body("items.size()", equalTo(0));
        String id = Comments.commentOn(article).body("Held, then shown").create();
        anonymous().get(list).then().statusCode(200).body("items.size()", equalTo(0));
        approve(id);
        anonymous().get(list).then().statusCode(200).body("items.id", equalTo(List.of(id)));

        Articles.edit().draft().patch(article).then().statusCode(200);
        anonymous().get(list).then().statusCode(404);
        Articles.edit().published().patch(article).then().statusCode(200);
        anonymous().get(list).then().statusCode(200).body("items.id", equalTo(List.of(id)));

        String slug = "renamed-" + unique();
        String old =
                anonymous().get("/api/v1/articles/" + article).then().extract().path("slug");
        anonymous().get("/api/v1/articles/" + old + "/comments").then().statusCode(200);
        Articles.edit().slug(slug).patch(article).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + old + "/comments").then().statusCode(404);
        anonymous()
                .get("/api/v1/articles/" + slug + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));

        editor().delete("/api/v1/articles/" + article).then().statusCode(204);
        anonymous().get(list).then().statusCode(404);
    }

    @Test
    void bodyIsStoredExactlyAsSent() {
        String article = publishedArticle();
        String text = "  <b>not html</b> & \"quotes\" — ünïcødé 🎉\r\n\ttabs\u00a0and <script>alert(1)</script>  ";
        String id = Comments.commentOn(article).body(text).create();
        editor().get("/api/v1/comments/" + id).then().statusCode(200).body("body", equalTo(text));
    }

    @Test
    void commentsClosedIs403() {
        String article = Articles.article()
                .headline("Closed " + unique())
                .published()
                .commentsOpen(false)
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        anonymous()
                .body(comment("hello"))
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", containsString("closed"));
    }

    @Test
    void draftArticlesTakeNoAnonymousComments() {
        String draft = article("Draft " + unique(), "draft", null);
        anonymous()
                .body(comment("hello"))
                .post("/api/v1/articles/" + draft + "/comments")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/articles/" + draft + "/comments").then().statusCode(404);
        anonymous()
                .body(comment("hello"))
                .post("/api/v1/articles/no-such-article-" + unique() + "/comments")
                .then()
                .statusCode(404);
        // Editors see drafts, so they may comment on one (it still lands pending).
        editor().body(comment("internal note"))
                .post("/api/v1/articles/" + draft + "/comments")
                .then()
                .statusCode(201)
                .body("status", equalTo("pending"));
    }

    @Test
    void theCommentListFindsItsArticleByIdOrSlugAndHidesADraftFromAnonymousCallersOnly() {
        String draft = article("Draft list " + unique(), "draft", null);
        String slug = editor().get("/api/v1/articles/" + draft)
                .then()
                .statusCode(200)
                .extract()
                .path("slug");
        for (String idOrSlug : List.of(draft, slug)) {
            anonymous()
                    .get("/api/v1/articles/" + idOrSlug + "/comments")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No article '" + idOrSlug + "'."));
            editor().get("/api/v1/articles/" + idOrSlug + "/comments")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
        }
        String published = publishedArticle();
        String publishedSlug = anonymous()
                .get("/api/v1/articles/" + published)
                .then()
                .extract()
                .path("slug");
        anonymous()
                .get("/api/v1/articles/" + publishedSlug + "/comments")
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/v1/articles/00000000-0000-4000-8000-000000000000/comments")
                .then()
                .statusCode(404);
    }

    @Test
    void replyMustBeToAnApprovedCommentOfTheSameArticle() {
        String article = publishedArticle();
        String other = publishedArticle();
        String parent = Comments.commentOn(article).body("parent").create();
        String elsewhere = Comments.commentOn(other).body("elsewhere").create();
        approve(parent);
        approve(elsewhere);
        String pending = Comments.commentOn(article).body("still pending").create();

        Map<String, Object> reply = comment("reply");
        reply.put("parentId", parent);
        anonymous()
                .body(reply)
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(201)
                .body("parentId", equalTo(parent));

        for (String bad : List.of(elsewhere, pending, "00000000-0000-0000-0000-000000000000")) {
            Map<String, Object> wrong = comment("reply");
            wrong.put("parentId", bad);
            anonymous()
                    .body(wrong)
                    .post("/api/v1/articles/" + article + "/comments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("parentId"));
        }
        Map<String, Object> malformed = comment("reply");
        malformed.put("parentId", "not-a-uuid");
        anonymous()
                .body(malformed)
                .post("/api/v1/articles/" + article + "/comments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void commentIsValidated() {
        String article = publishedArticle();
        String path = "/api/v1/articles/" + article + "/comments";
        Map<String, Object> noEmail = comment("x");
        noEmail.remove("authorEmail");
        anonymous().body(noEmail).post(path).then().statusCode(400).body("errors[0].field", equalTo("authorEmail"));
        for (String email : List.of("not-an-email", "a@b", "a b@example.org", "@example.org")) {
            Map<String, Object> bad = comment("x");
            bad.put("authorEmail", email);
            anonymous().body(bad).post(path).then().statusCode(400).body("errors[0].field", equalTo("authorEmail"));
        }
        Map<String, Object> noName = comment("x");
        noName.remove("authorName");
        anonymous().body(noName).post(path).then().statusCode(400).body("errors[0].field", equalTo("authorName"));
        Map<String, Object> longName = comment("x");
        longName.put("authorName", "n".repeat(201));
        anonymous().body(longName).post(path).then().statusCode(400).body("errors[0].field", equalTo("authorName"));

        anonymous().body(comment("")).post(path).then().statusCode(400).body("errors[0].field", equalTo("body"));
        anonymous()
                .body(comment("x".repeat(10_001)))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("must be at most 10000 characters"));
        anonymous()
                .body(comment("nul\u0000byte"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("body"));
        anonymous().body(comment("x".repeat(10_000))).post(path).then().statusCode(201);
        anonymous().body(comment("🎉".repeat(10_000))).post(path).then().statusCode(201);
        anonymous().body(comment("x")).post(path).then().statusCode(201);

        Map<String, Object> typo = comment("x");
        typo.put("authorMail", "x@example.org");
        anonymous().body(typo).post(path).then().statusCode(400).body("errors[0].field", equalTo("authorMail"));
        Map<String, Object> badStatus = comment("x");
        badStatus.put("status", "published");
        anonymous().body(badStatus).post(path).then().statusCode(400).body("errors[0].field", equalTo("status"));
        Map<String, Object> readOnly = comment("x");
        readOnly.put("id", "whatever");
        readOnly.put("articleId", "00000000-0000-0000-0000-000000000000");
        readOnly.put("version", 42);
        anonymous()
                .body(readOnly)
                .post(path)
                .then()
                .statusCode(201)
                .body("articleId", equalTo(article))
                .body("version", equalTo(1));
    }

    @Test
    void moderationIsAMergePatchThatHonoursIfMatch() {
        String article = publishedArticle();
        String id = Comments.commentOn(article).body("moderate me").create();
        editor().header("If-Match", "\"9\"")
                .body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        editor().get("/api/v1/comments/" + id)
                .then()
                .body("status", equalTo("pending"))
                .body("version", equalTo(1));

        editor().contentType("application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .body("{\"status\":\"approved\"}")
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("approved"))
                .body("version", equalTo(2))
                .body("body", equalTo("moderate me"))
                .body("authorEmail", notNullValue());
        anonymous().get("/api/v1/articles/" + article + "/comments").then().body("items.id", equalTo(List.of(id)));

        editor().body(Map.of("status", "rejected"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        anonymous().get("/api/v1/articles/" + article + "/comments").then().body("items.size()", equalTo(0));

        editor().body(Map.of("status", "rejected"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(3));
        editor().body("{\"status\":null}")
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        editor().body(Map.of("status", "deleted"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        editor().body(Map.of("parentId", id))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        editor().body("[]").patch("/api/v1/comments/" + id).then().statusCode(400);
    }

    @Test
    void moderationListFiltersByArticleAndStatus() {
        String article = publishedArticle();
        String slug =
                editor().get("/api/v1/articles/" + article).then().extract().path("slug");
        String a = Comments.commentOn(article).body("a").create();
        String b = Comments.commentOn(article).body("b").create();
        approve(b);

        editor().queryParam("article", article)
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(a, b)))
                .body("total", equalTo(2))
                .body("items[0].authorEmail", notNullValue());
        editor().queryParam("article", slug)
                .queryParam("status", "pending")
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(a)));
        editor().queryParam("article", slug)
                .queryParam("status", "approved")
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(b)));
        editor().queryParam("status", "pending")
                .queryParam("limit", 100)
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.status", not(org.hamcrest.Matchers.hasItem("approved")));

        editor().queryParam("status", "published")
                .get("/api/v1/comments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        editor().queryParam("article", "no-such-article-" + unique())
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(0))
                .body("next", nullValue());
        editor().queryParam("article", "00000000-0000-0000-0000-000000000000")
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        editor().queryParam("article", "Not A Slug!")
                .get("/api/v1/comments")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("article"));
        editor().queryParam("limit", 0).get("/api/v1/comments").then().statusCode(400);
    }

    @Test
    void moderationRoutesAreForEditorsOnly() {
        String id = Comments.commentOn(publishedArticle()).body("x").create();
        anonymous().get("/api/v1/comments").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        anonymous().get("/api/v1/comments/" + id).then().statusCode(401);
        anonymous()
                .body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + id)
                .then()
                .statusCode(401);
        anonymous().delete("/api/v1/comments/" + id).then().statusCode(401);
        editor().get("/api/v1/comments/" + id).then().statusCode(200);
    }

    @Test
    void deletingACommentKeepsItsRepliesAsTopLevel() {
        String article = publishedArticle();
        String parent = Comments.commentOn(article).body("parent").create();
        approve(parent);
        Map<String, Object> reply = comment("reply");
        reply.put("parentId", parent);
        String child = post(article, reply);

        editor().header("If-Match", "\"1\"")
                .delete("/api/v1/comments/" + parent)
                .then()
                .statusCode(412);
        editor().delete("/api/v1/comments/" + parent).then().statusCode(204);
        editor().get("/api/v1/comments/" + parent).then().statusCode(404).contentType("application/problem+json");
        editor().get("/api/v1/comments/" + child)
                .then()
                .statusCode(200)
                .body("parentId", nullValue())
                .body("version", equalTo(2));
        editor().delete("/api/v1/comments/" + parent).then().statusCode(404);
        editor().get("/api/v1/comments/not-a-uuid").then().statusCode(404);
    }

    @Test
    void deletingAnArticleDeletesItsComments() {
        String article = publishedArticle();
        String id = Comments.commentOn(article).body("goes with the article").create();
        editor().delete("/api/v1/articles/" + article).then().statusCode(204);
        editor().get("/api/v1/comments/" + id).then().statusCode(404);
        editor().queryParam("article", article)
                .get("/api/v1/comments")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
