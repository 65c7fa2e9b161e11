package news.masthead.webhooks;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static news.masthead.Api.create;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.person;
import static news.masthead.Api.place;
import static news.masthead.Api.quote;
import static news.masthead.Api.unique;
import static news.masthead.fixtures.Comments.commentOn;
import static news.masthead.kernel.http.SurrogateKeys.KINDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The purge keys of a change name the record and every record whose responses embed it, and a public webhook's never
 * name an article anonymous readers cannot see (here: a draft that embeds the same record).
 */
@QuarkusTest
class SurrogateKeysTest {

    @Inject
    SurrogateKeys keys;

    @Test
    void aPersonNamesTheArticlesIncludingThemAndTheQuotesTheySaid() {
        String p = person("Embedded " + unique());
        String visible = article("published", "personIds", List.of(p));
        String draft = article("draft", "personIds", List.of(p));
        String said = quote("Said " + unique(), p, null);
        assertEquals(keys("person:" + p, "article:" + visible, "quote:" + said), keys.of("people", id(p), false));
        assertEquals(
                keys("person:" + p, "article:" + visible, "article:" + draft, "quote:" + said),
                keys.of("people", id(p), true));
    }

    @Test
    void aPlaceNamesTheArticlesIncludingIt() {
        String pl = place("Embedded " + unique(), "city", null);
        String visible = article("published", "placeIds", List.of(pl));
        String draft = article("draft", "placeIds", List.of(pl));
        assertEquals(keys("place:" + pl, "article:" + visible), keys.of("places", id(pl), false));
        assertEquals(keys("place:" + pl, "article:" + visible, "article:" + draft), keys.of("places", id(pl), true));
    }

    @Test
    void aQuoteNamesItsArticleOnlyWhenTheScopeSeesIt() {
        String draft = article("draft");
        String q = said(draft);
        assertEquals(keys("quote:" + q), keys.of("quotes", id(q), false));
        assertEquals(keys("quote:" + q, "article:" + draft), keys.of("quotes", id(q), true));
        String visible = article("published");
        String shown = said(visible);
        assertEquals(keys("quote:" + shown, "article:" + visible), keys.of("quotes", id(shown), false));
    }

    @Test
    void aCommentNamesItsArticle() {
        String a = article("published", "commentsOpen", true);
        String c = commentOn(a).create();
        assertEquals(keys("comment:" + c, "article:" + a), keys.of("comments", id(c), false));
    }

    @Test
    void anArticleNamesItsQuotesAndTheArticlesRelatingToItWithTheirQuotes() {
        String x = article("published");
        String ownQuote = said(x);
        List<Map<String, String>> related = List.of(Map.of("type", "related", "articleId", x));
        String linking = article("published", "body", related);
        String linkingQuote = said(linking);
        String draftLinking = article("draft", "body", related);
        String unrelated =
                article("published", "body", List.of(Map.of("type", "related", "url", "https://example.org/")));
        List<String> pub = keys.of("articles", id(x), false);
        assertEquals(
                Stream.concat(
                                Stream.of("article:" + x, "articles"),
                                sorted("article:" + linking, "quote:" + ownQuote, "quote:" + linkingQuote).stream())
                        .toList(),
                pub,
                "unrelated " + unrelated);
        assertEquals(
                Stream.concat(
                                Stream.of("article:" + x, "articles"),
                                sorted(
                                        "article:" + linking,
                                        "article:" + draftLinking,
                                        "quote:" + ownQuote,
                                        "quote:" + linkingQuote)
                                        .stream())
                        .toList(),
                keys.of("articles", id(x), true));
    }

    @Test
    void anImageNamesTheArticlesUsingItTheQuotesOfThoseItLeadsAndThePeopleItPortrays() {
        String i = editor().contentType("image/jpeg")
                .body(TestImages.picture(64, 48, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String led = article("published", "leadImage", Map.of("imageId", i));
        String ledQuote = said(led);
        String inBody = article("published", "body", List.of(Map.of("type", "image", "imageId", i)));
        String inBodyQuote = said(inBody); // include=article renders no body image
        String draft = article("draft", "leadImage", Map.of("imageId", i));
        String portrayed = create("people", fields("name", "Portrayed " + unique(), "imageId", i));
        assertEquals(
                keys("image:" + i, "article:" + led, "article:" + inBody, "person:" + portrayed, "quote:" + ledQuote),
                keys.of("images", id(i), false),
                "quote " + inBodyQuote);
        assertEquals(
                keys(
                        "image:" + i,
                        "article:" + led,
                        "article:" + inBody,
                        "article:" + draft,
                        "person:" + portrayed,
                        "quote:" + ledQuote),
                keys.of("images", id(i), true));
    }

    private static String said(String articleId) {
        return quote("Said " + unique(), person("Speaker " + unique()), articleId);
    }

    private static String article(String status, Object... more) {
        List<Object> f = new ArrayList<>(List.of("headline", "Keys " + unique(), "status", status));
        f.addAll(List.of(more));
        return create("articles", fields(f.toArray()));
    }

    /** The record's own key first, then the embedding ones in order. */
    /** The record's own key, its collection's, then the embedding records' keys sorted. */
    private static List<String> keys(String own, String... embedding) {
        String kind = own.substring(0, own.indexOf(':'));
        String collection = KINDS.entrySet().stream()
                .filter(e -> e.getValue().equals(kind))
                .findFirst()
                .orElseThrow()
                .getKey();
        List<String> all = new ArrayList<>(List.of(own, collection));
        all.addAll(sorted(embedding));
        return all;
    }

    private static List<String> sorted(String... keys) {
        return Stream.of(keys).sorted().toList();
    }

    private static UUID id(String id) {
        return UUID.fromString(id);
    }
}
