package news.masthead.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.fields;
import static news.masthead.Api.problem;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Article reads are JSON built by PostgreSQL, writes answer with JSON written by Jackson: both must be
 * the same bytes, including dates, whole-number doubles, escapes and the order of block fields.
 */
@QuarkusTest
class ArticleJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String person;
    private String place;
    private String related;

    @BeforeEach
    void linkedRecords() {
        person = People.person()
                .name("Ola \"Quoted\" Nordmann " + unique())
                .aliases("O. N.")
                .role("Mayor")
                .with("affiliation", null)
                .description("Line one\nline two\ttabbed \\ back")
                .create();
        place = Places.place()
                .name("Whole Degrees " + unique())
                .kind("town")
                .with("latitude", 50.0)
                .with("longitude", -3.141592653589793)
                .with("population", 12000)
                .countryCode("GB")
                .create();
        related = Articles.article().headline("Related " + unique()).published().create();
    }

    private String article() {
        String quote = Quotes.quote()
                .text("We stay — «all of us» 🌊")
                .speaker(person)
                .context("at the quay")
                .channel("Radio")
                .saidAt("2026-03-01T10:15:30.120Z")
                .language("uk")
                .create();
        String body = Articles.article()
                .headline("Bytes " + unique())
                .with("standfirst", null)
                .published()
                .publishedAt("2026-03-02T08:00:00.123456Z")
                .tags("Harbour", "storm")
                .personIds(person)
                .placeIds(place)
                .body(List.of(
                        fields("type", "heading", "text", "At the quay"),
                        fields(
                                "text",
                                "Tab\tand \r\n line and \"quotes\" and </script> and ünïcödé",
                                "type",
                                "paragraph"),
                        fields("type", "quote", "quoteId", quote),
                        fields("type", "related", "articleId", related),
                        fields("title", "Elsewhere", "url", "https://example.org/a?b=c&d", "type", "related")))
                .post()
                .then()
                .statusCode(201)
                .extract()
                .asString();
        editor().body(Map.of("articleId", id(body)))
                .patch("/api/v1/quotes/" + quote)
                .then()
                .statusCode(200);
        return body;
    }

    private static String id(String json) {
        try {
            return JSON.readTree(json).get("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReadIsByteForByteTheBodyTheWriteAnswered() {
        String written = article();
        String id = id(written);
        assertEquals(
                written,
                anonymous()
                        .get("/api/v1/articles/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertEquals(
                written,
                editor().get("/api/v1/articles/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    @Test
    void instantsReadAsJavaWritesThemWholeSecondsMillisAndMicros() {
        for (String at : List.of(
                "2026-03-02T08:00:00Z",
                "2026-03-02T08:00:00.500Z",
                "2026-03-02T08:00:00.120Z",
                "2026-03-02T08:00:00.000100Z",
                "2026-03-02T08:00:59.999999Z")) {
            String tag = "instant-" + unique();
            String id = Articles.article().published().publishedAt(at).tags(tag).create();
            anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("publishedAt", equalTo(at));
            anonymous()
                    .get("/api/v1/articles?fields=id,publishedAt&tag=" + tag)
                    .then()
                    .statusCode(200)
                    .body("items[0].publishedAt", equalTo(at));
        }
    }

    @Test
    void includedResourcesReadAsTheirOwnEndpoints() throws Exception {
        String id = id(article());
        JsonNode a = JSON.readTree(anonymous()
                .get("/api/v1/articles/" + id + "?include=people,places,quotes")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(own("people", person), a.get("people").get(0));
        assertEquals(own("places", place), a.get("places").get(0));
        String quote = a.get("quotes").get(0).get("id").asText();
        assertEquals(own("quotes", quote), a.get("quotes").get(0));
        JsonNode list = JSON.readTree(anonymous()
                .get("/api/v1/articles?person=" + person + "&include=people,places,quotes")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(a, list.get("items").get(0));
    }

    @Test
    void aPlaceInAListReadsAsItsOwnEndpoint() throws Exception {
        JsonNode list = JSON.readTree(anonymous()
                .get("/api/v1/places?near=50.0,-3.141592653589793&radiusKm=1")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        JsonNode item = null; // each test of this class adds a place at that point
        for (JsonNode i : list.get("items")) {
            item = place.equals(i.get("id").asText()) ? i : item;
        }
        assertEquals(own("places", place), item);
    }

    @Test
    void aControlCharacterOtherThanTabOrLineBreakIsRefused() {
        problem(Articles.article().headline("Unit\u001fseparator").post(), 400)
                .body("errors[0].field", equalTo("headline"))
                .body("errors[0].message", containsString("U+001F"));
    }

    /** The resource as its own endpoint renders it (Jackson), as a tree in which 50 and 50.0 differ. */
    private static JsonNode own(String collection, String id) throws Exception {
        return JSON.readTree(anonymous()
                .get("/api/v1/" + collection + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
