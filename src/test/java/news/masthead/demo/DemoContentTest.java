package news.masthead.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.masthead.Api;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo loader against the shared test database (where demo content is off at startup and other
 * test classes add their own rows): what one load creates, read back through the HTTP API, and
 * that the startup path leaves a database with content alone.
 */
@QuarkusTest
class DemoContentTest {

    @Inject
    DemoContent demo;

    @Test
    void loadCreatesLinkedPeoplePlacesArticlesAndQuotes() {
        DemoContent.Loaded loaded = demo.loadUnconditionally();
        assertEquals(7, loaded.people().size());
        assertEquals(12, loaded.places().size());
        assertEquals(6, loaded.articles().size());
        assertEquals(11, loaded.quotes().size());

        // Place hierarchy: country > region > town, and a village three levels down in Ireland.
        Map<String, UUID> places = loaded.places();
        assertEquals(places.get("ukraine"), parentOf(places.get("kharkiv-oblast")));
        for (String town : List.of("izium", "balakliia", "kupiansk", "kharkiv")) {
            assertEquals(places.get("kharkiv-oblast"), parentOf(places.get(town)), town);
        }
        assertEquals(places.get("ukraine"), parentOf(places.get("kyiv")));
        assertEquals(places.get("aran-islands"), parentOf(places.get("kilronan")));
        assertEquals(places.get("county-galway"), parentOf(places.get("aran-islands")));
        assertEquals(places.get("ireland"), parentOf(places.get("county-galway")));
        JsonPath izium = get("places", places.get("izium"));
        assertEquals("town", izium.getString("kind"));
        assertEquals("UA", izium.getString("countryCode"));
        assertTrue(izium.getList("aliases").contains("Izyum"));
        assertEquals(49.2128, izium.getDouble("latitude"), 1e-9);

        JsonPath governor = get("people", loaded.people().get("hordiienko"));
        assertEquals("Head of the Kharkiv Regional Military Administration", governor.getString("role"));
        assertFalse(governor.getList("aliases").isEmpty());

        // Every article: its links resolve to what this load created; all four block types occur.
        Set<UUID> quoteIds = new HashSet<>(loaded.quotes().values());
        Set<UUID> articleIds = new HashSet<>(loaded.articles().values());
        Set<String> blockKinds = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        for (UUID id : articleIds) {
            JsonPath a = get("articles", id);
            statuses.add(a.getString("status"));
            assertNotNull(a.getString("byline"));
            assertNotNull(a.getString("standfirst"));
            assertNotNull(a.getString("section"));
            assertFalse(a.getList("tags").isEmpty());
            for (String tag : a.<String>getList("tags")) {
                assertEquals(tag.toLowerCase(), tag);
            }
            assertTrue(loaded.people().values().containsAll(ids(a.getList("personIds"))));
            assertTrue(loaded.places().values().containsAll(ids(a.getList("placeIds"))));
            assertFalse(a.getList("personIds").isEmpty());
            assertFalse(a.getList("placeIds").isEmpty());
            List<Map<String, String>> body = a.getList("body");
            for (Map<String, String> block : body) {
                String type = block.get("type");
                if (type.equals("quote")) {
                    UUID quote = UUID.fromString(block.get("quoteId"));
                    assertTrue(quoteIds.contains(quote));
                    assertEquals(
                            id.toString(),
                            get("quotes", quote).getString("articleId"),
                            "a quote block shows a quote of its article");
                }
                if (type.equals("related") && block.get("articleId") != null) {
                    UUID other = UUID.fromString(block.get("articleId"));
                    assertTrue(articleIds.contains(other));
                    assertFalse(other.equals(id));
                    type = "related-article";
                }
                if (type.equals("related") && block.get("url") != null) {
                    assertTrue(block.get("url").startsWith("https://"));
                    assertNotNull(block.get("title"));
                    type = "related-url";
                }
                blockKinds.add(type);
            }
        }
        assertEquals(Set.of("paragraph", "heading", "quote", "related-article", "related-url"), blockKinds);
        assertEquals(Set.of("published", "draft", "scheduled"), statuses);

        // Times: published ones in the past, the scheduled one in the future; the draft is unpublished.
        Instant now = Instant.now();
        JsonPath scheduled = get("articles", loaded.articles().get("balakliia-school"));
        assertEquals("scheduled", scheduled.getString("status"));
        assertTrue(Instant.parse(scheduled.getString("publishedAt")).isAfter(now));
        JsonPath draft = get("articles", loaded.articles().get("kupiansk-rail"));
        assertEquals("draft", draft.getString("status"));
        assertEquals(null, draft.getString("publishedAt"));
        for (String key : List.of("izium-water", "kupiansk-evacuation", "kyiv-generators", "aran-ferry")) {
            JsonPath a = get("articles", loaded.articles().get(key));
            assertEquals("published", a.getString("status"), key);
            assertTrue(Instant.parse(a.getString("publishedAt")).isBefore(now), key);
            anonymous().get("/api/v1/articles/" + a.getString("slug")).then().statusCode(200);
        }
        // Anonymous readers see neither the draft nor the article whose time has not come.
        anonymous()
                .get("/api/v1/articles/" + loaded.articles().get("kupiansk-rail"))
                .then()
                .statusCode(404);
        anonymous()
                .get("/api/v1/articles/" + loaded.articles().get("balakliia-school"))
                .then()
                .statusCode(404);

        // Every quote: speaker, article and the details of where and how it was said.
        Set<String> languages = new HashSet<>();
        for (UUID id : quoteIds) {
            JsonPath q = get("quotes", id);
            assertTrue(loaded.people().containsValue(UUID.fromString(q.getString("speakerId"))));
            assertTrue(articleIds.contains(UUID.fromString(q.getString("articleId"))));
            assertNotNull(q.getString("context"));
            assertNotNull(q.getString("channel"));
            assertTrue(Instant.parse(q.getString("saidAt")).isBefore(now));
            languages.add(q.getString("language"));
        }
        assertEquals(Set.of("en", "uk", "ga"), languages);
        JsonPath morning = get("quotes", loaded.quotes().get("hordiienko-morning"));
        assertEquals("Telegram", morning.getString("channel"));
        assertEquals("in his morning update", morning.getString("context"));
    }

    @Test
    void demoPicturesAreLeadImagesAndAPortraitWithAltTextAndCreditAndAreServed() {
        DemoContent.Loaded loaded = demo.loadUnconditionally();
        assertEquals(
                Set.of("izium-water", "kupiansk-evacuation", "aran-ferry", "ni-fhlatharta"),
                loaded.images().keySet());
        for (String key : List.of("izium-water", "kupiansk-evacuation", "aran-ferry")) {
            JsonPath article = anonymous()
                    .get("/api/v1/articles/" + loaded.articles().get(key))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            UUID image = loaded.images().get(key);
            assertEquals(image.toString(), article.getString("leadImage.imageId"), key);
            assertEquals(
                    List.of(1600, 900),
                    List.of(article.getInt("leadImage.width"), article.getInt("leadImage.height")),
                    key);
            assertPicture(image, "image/jpeg", 640, 360);
        }
        UUID portrait = loaded.images().get("ni-fhlatharta");
        assertEquals(
                portrait.toString(),
                anonymous()
                        .get("/api/v1/people/" + loaded.people().get("ni-fhlatharta"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("imageId"));
        assertPicture(portrait, "image/jpeg", 640, 800);
    }

    /** The record (anonymous: a visible article or a person uses it) has alt text and the demo credit; a rendition is served. */
    private static void assertPicture(UUID id, String type, int width, int height) {
        JsonPath image = anonymous()
                .get("/api/v1/images/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertFalse(image.getString("alt").isBlank());
        assertEquals("Masthead demo", image.getString("credit"));
        assertEquals("Masthead demo", image.getString("copyright"));
        assertEquals(type, image.getString("contentType"));
        byte[] rendition = anonymous()
                .get("/api/v1/images/" + id + "/file?w=640")
                .then()
                .statusCode(200)
                .contentType(type)
                .extract()
                .asByteArray();
        assertEquals(
                List.of(width, height),
                List.of(
                        TestImages.read(rendition).getWidth(),
                        TestImages.read(rendition).getHeight()));
    }

    @Test
    void startupPathLeavesADatabaseWithContentAlone() {
        Api.person("Demo check " + Api.unique()); // whatever other tests did, the database is not empty now
        long people = total("people");
        long places = total("places");
        long articles = total("articles");
        long quotes = total("quotes");

        DemoContent.Loaded loaded = demo.loadIfEmpty();

        assertTrue(loaded.isEmpty());
        assertEquals(people, total("people"));
        assertEquals(places, total("places"));
        assertEquals(articles, total("articles"));
        assertEquals(quotes, total("quotes"));
    }

    private static JsonPath get(String collection, UUID id) {
        return editor().get("/api/v1/" + collection + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static UUID parentOf(UUID place) {
        return UUID.fromString(get("places", place).getString("parentId"));
    }

    private static List<UUID> ids(List<String> values) {
        return values.stream().map(UUID::fromString).toList();
    }

    static long total(String collection) {
        return editor().get("/api/v1/" + collection + "?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }
}
