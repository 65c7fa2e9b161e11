package news.masthead.access;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@QuarkusTest
class VisibilityTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** An article with everything that hangs off it: a linked person and place, a quote and an approved comment. */
    record Fixture(
            String id,
            String slug,
            String headline,
            String quoteId,
            String commentId,
            String commentBody,
            String personId,
            String placeId,
            String imageId) {}

    private static Fixture fixture(String status, Instant publishedAt) {
        String tag = unique();
        String headline = "Visibility " + status + " " + tag;
        String personId = person("Vis Person " + tag);
        String placeId = place("Vis Place " + tag, "town", null);
        Map<String, Object> article = Articles.article()
                .headline(headline)
                .status(status)
                .personIds(personId)
                .placeIds(placeId)
                .tags("vis-" + tag)
                .fields();
        // An image that only this article uses: anonymous callers see it exactly while they see the article.
        String imageId = io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + news.masthead.Api.ADMIN_TOKEN)
                .contentType("image/png")
                .body(news.masthead.images.TestImages.picture(40, 30, "png"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        article.put("leadImage", Map.of("imageId", imageId));
        if (publishedAt != null) {
            article.put("publishedAt", publishedAt.toString());
        }
        String id = create("articles", article);
        String slug = editor().get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("slug");
        String quoteId = Quotes.quote()
                .text("Said on the record " + unique())
                .speaker(personId)
                .article(id)
                .saidAt("2999-12-31T00:00:00Z")
                .create();
        String commentBody = "Comment on " + headline;
        String commentId = Comments.commentOn(id)
                .authorName("Editor")
                .authorEmail("vis-" + tag + "@example.org")
                .body(commentBody)
                .post(editor())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        editor().body(Map.of("status", "approved"))
                .patch("/api/v1/comments/" + commentId)
                .then()
                .statusCode(200);
        return new Fixture(id, slug, headline, quoteId, commentId, commentBody, personId, placeId, imageId);
    }

    @Test
    void hiddenArticlesNeverAppearOnAnyAnonymousReadRoute() {
        // Far-future publishedAt/saidAt put them first in the default -publishedAt / -saidAt orders, where a leak would
        // show.
        List<Fixture> hidden = List.of(
                fixture("draft", Instant.parse("2999-01-01T00:00:00Z")),
                fixture("scheduled", Instant.parse("2999-01-02T00:00:00Z")),
                fixture("archived", Instant.parse("2999-01-03T00:00:00Z")));
        Fixture visible = fixture("published", Instant.parse("2999-01-04T00:00:00Z"));

        // Editors see all of them.
        for (Fixture f : hidden) {
            editor().get("/api/v1/articles/" + f.id()).then().statusCode(200);
            editor().get("/api/v1/quotes/" + f.quoteId()).then().statusCode(200).body("articleId", equalTo(f.id()));
        }

        JsonPath spec = anonymous()
                .queryParam("format", "json")
                .get("/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        int walked = 0;
        boolean sawVisible = false;
        for (var path : paths.entrySet()) {
            Map<String, Object> get = path.getValue().get("get");
            if (get == null || !((List<?>) get.getOrDefault("security", List.of())).isEmpty()) {
                continue; // not an anonymous read route
            }
            // The largest page where the route is a list (an undeclared query parameter is a 400).
            boolean list = ((List<?>) get.getOrDefault("parameters", List.of()))
                    .stream().anyMatch(p -> "limit".equals(((Map<?, ?>) p).get("name")));
            for (Fixture target : concat(hidden, visible)) {
                for (String url : urls(path.getKey(), target)) {
                    Response r = (list ? anonymous().queryParam("limit", 100) : anonymous()).get(url);
                    walked++;
                    String body = r.asString();
                    assertTrue(
                            r.statusCode() == 200 || r.statusCode() == 404,
                            url + " answered " + r.statusCode() + ": " + body);
                    for (Fixture f :
                            r.statusCode() == 404 ? List.<Fixture>of() : hidden) { // a 404 echoes the path it was asked
                        for (String secret : List.of(f.id(), f.slug(), f.headline(), f.commentBody(), f.imageId())) {
                            assertFalse(body.contains(secret), "GET " + url + " shows hidden " + secret + ": " + body);
                        }
                    }
                    if (target == visible && r.statusCode() == 200 && body.contains(visible.id())) {
                        sawVisible = true;
                    }
                    if (target != visible
                            && (url.startsWith("/api/v1/articles/") || url.startsWith("/api/v1/images/"))) {
                        assertTrue(r.statusCode() == 404, url + " should be 404 for anonymous callers");
                    }
                }
            }
        }
        assertTrue(walked >= 10, "walked only " + walked + " requests");
        assertTrue(sawVisible, "the published control article never showed up: the walk proves nothing");

        // The control: what is visible is visible everywhere it should be.
        anonymous().get("/api/v1/articles/" + visible.slug()).then().statusCode(200);
        anonymous()
                .get("/api/v1/quotes/" + visible.quoteId())
                .then()
                .statusCode(200)
                .body("articleId", equalTo(visible.id()));
        anonymous()
                .get("/api/v1/articles/" + visible.id() + "/comments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(visible.commentId())));
        // A quote of a hidden article exists for anonymous callers, without its article.
        for (Fixture f : hidden) {
            anonymous()
                    .get("/api/v1/quotes/" + f.quoteId())
                    .then()
                    .statusCode(200)
                    .body("articleId", nullValue());
        }
    }

    @Test
    void scheduledArticleBecomesVisibleWhenItsTimeComesWithoutAnyJob() throws InterruptedException {
        Instant soon = Instant.now().plus(2, ChronoUnit.SECONDS);
        String id = Articles.article()
                .headline("Embargoed " + unique())
                .scheduled()
                .publishedAt(soon)
                .create();
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        anonymous()
                .queryParam("limit", 100)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        while (Instant.now().isBefore(soon.plusMillis(300))) {
            Thread.sleep(100);
        }
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("status", equalTo("scheduled"));
        anonymous()
                .queryParam("limit", 100)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void editorsListEveryStatusAnonymousCallersOnlyVisibleOnes() {
        String draft = Articles.article()
                .headline("Listed draft " + unique())
                .draft()
                .publishedAt("2999-06-01T00:00:00Z")
                .create();
        editor().queryParam("limit", 100)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(draft));
        anonymous()
                .queryParam("limit", 100)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(draft)))
                .body("total", notNullValue());
    }

    @Test
    void cursorOfAnEditorListCannotBeReplayedAnonymously() {
        Articles.article().headline("Cursor a " + unique()).draft().create();
        Articles.article().headline("Cursor b " + unique()).draft().create();
        String next = editor().queryParam("limit", 1)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .extract()
                .path("next");
        anonymous()
                .queryParam("limit", 1)
                .queryParam("cursor", next)
                .get("/api/v1/articles")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    /** Concrete URLs for a path template, with each parameter named after what its collection holds. */
    private static List<String> urls(String template, Fixture f) {
        Matcher m = PARAM.matcher(template);
        List<String> urls = new ArrayList<>(List.of(template));
        while (m.find()) {
            String before = template.substring(0, m.start());
            String[] segments = before.split("/");
            String collection = segments[segments.length - 1];
            List<String> values = switch (collection) {
                case "articles" -> List.of(f.id(), f.slug());
                case "quotes" -> List.of(f.quoteId());
                case "people" -> List.of(f.personId());
                case "places" -> List.of(f.placeId());
                case "comments" -> List.of(f.commentId());
                case "images" -> List.of(f.imageId());
                default -> {
                    fail("VisibilityTest does not know what to put in " + m.group() + " of " + template + ": teach it");
                    yield List.of();
                }
            };
            List<String> expanded = new ArrayList<>();
            for (String url : urls) {
                for (String v : values) {
                    expanded.add(url.replace(m.group(), v));
                }
            }
            urls = expanded;
        }
        return urls;
    }

    private static List<Fixture> concat(List<Fixture> a, Fixture b) {
        List<Fixture> all = new ArrayList<>(a);
        all.add(b);
        return all;
    }

    @Test
    void aRelatedBlockNamingADraftIsLeftOutForAnonymousReaders() {
        String draft =
                Articles.article().headline("Unpublished follow-up " + unique()).create();
        String story = Articles.article()
                .headline("Published story " + unique())
                .published()
                .body(List.of(
                        Map.of("type", "paragraph", "text", "Before."),
                        Map.of("type", "related", "articleId", draft),
                        Map.of("type", "related", "url", "https://example.org/background", "title", "Background")))
                .create();

        anonymous()
                .get("/api/v1/articles/" + story)
                .then()
                .statusCode(200)
                .body("body.size()", equalTo(2))
                .body("body.articleId", not(hasItem(draft)))
                .body("body[1].url", equalTo("https://example.org/background"));
        anonymous()
                .get("/api/v1/articles?include=people")
                .then()
                .statusCode(200)
                .body("items.body.flatten().articleId", not(hasItem(draft)));
        editor().get("/api/v1/articles/" + story)
                .then()
                .statusCode(200)
                .body("body.size()", equalTo(3))
                .body("body[1].articleId", equalTo(draft));
    }
}
