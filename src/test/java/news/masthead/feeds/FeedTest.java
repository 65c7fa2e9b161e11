package news.masthead.feeds;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import news.masthead.images.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTest {

    @Inject
    SqlStatements statements;

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final String u = unique();
    private final String tag = "feed-" + u;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String country, region, town, person, personSlug, countrySlug;
    private String first, second, third, image, bodyImage;

    private boolean created;

    /** Runs before each test (RestAssured only knows the test port once tests run, not in @BeforeAll). */
    @BeforeEach
    void content() {
        if (created) {
            return;
        }
        created = true;
        country = Places.place().name("Feedland " + u).kind("country").create();
        countrySlug =
                anonymous().get("/api/v1/places/" + country).then().extract().path("slug");
        region = Places.place()
                .name("Feed Oblast " + u)
                .kind("region")
                .parent(country)
                .create();
        town = Places.place().name("Feedtown " + u).kind("town").parent(region).create();
        person = People.person().name("Feed Minister " + u).create();
        image = editor().contentType("image/jpeg")
                .body(TestImages.picture(1600, 900, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        bodyImage = editor().contentType("image/jpeg")
                .body(TestImages.picture(1600, 900, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        editor().body(Map.of("alt", "Lorries & \"vans\""))
                .patch("/api/v1/images/" + bodyImage)
                .then()
                .statusCode(200);
        personSlug =
                anonymous().get("/api/v1/people/" + person).then().extract().path("slug");
        first = Articles.article()
                .headline("Convoy leaves at dawn " + u)
                .standfirst("Residents describe a hurried departure.")
                .byline("Olena Marchenko")
                .published()
                .publishedAt(now.minusSeconds(3600))
                .tags(tag, "War")
                .placeIds(town)
                .personIds(person)
                .with("leadImage", Map.of("imageId", image))
                .body(List.of(
                        Map.of("type", "heading", "text", "Before dawn"),
                        Map.of("type", "paragraph", "text", "The convoy left <early> & fast."),
                        Map.of("type", "image", "imageId", bodyImage, "caption", "Trucks <at> dawn & 'more'")))
                .create();
        second = Articles.article()
                .headline("Wire story " + u)
                .source("Masthead Wire")
                .section("world-" + u)
                .published()
                .publishedAt(now.minusSeconds(7200))
                .tags(tag)
                .create();
        third = Articles.article()
                .headline("Scheduled and due " + u)
                .byline("Desk")
                .scheduled()
                .publishedAt(now.minusSeconds(10800))
                .tags(tag)
                .placeIds(region)
                .create();
        Articles.article().headline("Draft " + u).tags(tag).placeIds(town).create();
        Articles.article()
                .headline("Not yet " + u)
                .scheduled()
                .publishedAt(now.plusSeconds(86400))
                .tags(tag)
                .create();
        Articles.article()
                .headline("Archived " + u)
                .archived()
                .publishedAt(now.minusSeconds(60))
                .tags(tag)
                .create();
    }

    @Test
    void atomFeedHasEveryElementRfc4287Requires() throws Exception {
        Response r = anonymous().queryParam("tag", tag).get("/api/v1/feeds/articles.atom");
        r.then().statusCode(200).contentType(startsWith("application/atom+xml"));
        Element feed = parse(r.asByteArray());
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        String feedId = one(feed, "id");
        assertTrue(feedId.startsWith("urn:uuid:"), feedId);
        assertFalse(one(feed, "title").isBlank());
        assertDate(one(feed, "updated"));
        assertEquals(
                r.then().extract().response().getHeader("Content-Location") == null
                        ? selfUrl("articles.atom?tag=" + tag)
                        : null,
                link(feed, "self").getAttribute("href"));
        assertEquals("application/atom+xml", link(feed, "self").getAttribute("type"));
        assertTrue(link(feed, "alternate").getAttribute("href").endsWith("/api/v1/articles"));

        List<Element> entries = children(feed, "entry");
        assertEquals(3, entries.size(), "published, and scheduled whose time has come; no draft, future or archived");
        assertEquals(
                List.of("urn:uuid:" + first, "urn:uuid:" + second, "urn:uuid:" + third),
                entries.stream().map(e -> one(e, "id")).toList(),
                "newest first");
        for (Element e : entries) {
            assertFalse(one(e, "title").isBlank());
            assertDate(one(e, "updated"));
            assertDate(one(e, "published"));
            Element author = children(e, "author").get(0);
            assertFalse(one(author, "name").isBlank());
            assertTrue(link(e, "alternate").getAttribute("href").contains("/api/v1/articles/"));
        }
        Element e = entries.get(0);
        assertEquals("Convoy leaves at dawn " + u, one(e, "title"));
        assertEquals(now.minusSeconds(3600), Instant.parse(one(e, "published")));
        assertEquals("Olena Marchenko", one(children(e, "author").get(0), "name"));
        assertEquals("Residents describe a hurried departure.", one(e, "summary"));
        assertEquals("text", children(e, "summary").get(0).getAttribute("type"));
        assertEquals("html", children(e, "content").get(0).getAttribute("type"));
        assertEquals(html(), one(e, "content"));
        assertEquals(
                List.of(tag, "war"),
                children(e, "category").stream()
                        .map(c -> c.getAttribute("term"))
                        .toList());
        assertEquals(
                "Masthead Wire",
                one(children(entries.get(1), "author").get(0), "name"),
                "source when there is no byline");
        String slug =
                anonymous().get("/api/v1/articles/" + first).then().extract().path("slug");
        assertTrue(link(e, "alternate").getAttribute("href").endsWith("/api/v1/articles/" + slug));
        assertEquals(
                entries.stream()
                        .map(x -> Instant.parse(one(x, "updated")))
                        .max(Instant::compareTo)
                        .orElseThrow(),
                Instant.parse(one(feed, "updated")),
                "feed updated = latest entry update");
    }

    @Test
    void jsonFeedIsJsonFeed11() {
        JsonPath feed = anonymous()
                .queryParam("tag", tag)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/feed+json"))
                .extract()
                .jsonPath();
        assertEquals("https://jsonfeed.org/version/1.1", feed.getString("version"));
        assertFalse(feed.getString("title").isBlank());
        assertTrue(feed.getString("home_page_url").endsWith("/api/v1/articles"));
        assertEquals(selfUrl("articles.json?tag=" + tag), feed.getString("feed_url"));
        assertEquals(List.of(first, second, third), feed.getList("items.id"));
        Map<String, Object> item = feed.getMap("items[0]");
        String slug =
                anonymous().get("/api/v1/articles/" + first).then().extract().path("slug");
        assertTrue(((String) item.get("url")).endsWith("/api/v1/articles/" + slug));
        assertEquals("Convoy leaves at dawn " + u, item.get("title"));
        assertEquals("Residents describe a hurried departure.", item.get("summary"));
        assertEquals(
                "Before dawn\n\nThe convoy left <early> & fast.\n\nTrucks <at> dawn & 'more'",
                item.get("content_text"));
        assertEquals(html(), item.get("content_html"));
        assertEquals(now.minusSeconds(3600), Instant.parse((String) item.get("date_published")));
        assertDate((String) item.get("date_modified"));
        assertEquals(List.of(Map.of("name", "Olena Marchenko")), item.get("authors"));
        assertEquals(List.of(tag, "war"), item.get("tags"));
        assertEquals(List.of(Map.of("name", "Masthead Wire")), feed.getList("items[1].authors"));
    }

    /** The first article's body as the feeds' HTML: escaped text, and the image block as a figure. */
    private String html() {
        String root = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/";
        return "<h2>Before dawn</h2><p>The convoy left &lt;early&gt; &amp; fast.</p>"
                + "<figure><img src=\"" + root + "api/v1/images/" + bodyImage + "/file?w=1280&amp;format=jpeg&amp;v=2\""
                + " alt=\"Lorries &amp; &quot;vans&quot;\" width=\"1280\" height=\"720\">"
                + "<figcaption>Trucks &lt;at&gt; dawn &amp; &#39;more&#39;</figcaption></figure>";
    }

    @Test
    void aBodyImageBlockIsAFigureWhoseRenditionAnonymousReadersGet() {
        String root = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/";
        byte[] figure = anonymous()
                .get(root + "api/v1/images/" + bodyImage + "/file?w=1280&format=jpeg&v=2")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertEquals(1280, TestImages.read(figure).getWidth());
        // Once its article is a draft again, the picture and the feeds' figure are gone for anonymous readers.
        String hidden = editor().contentType("image/jpeg")
                .body(TestImages.picture(400, 300, "jpeg"))
                .post("/api/v1/images")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String tagged = "figure-" + u;
        String article = Articles.article()
                .headline("Figure " + u)
                .published()
                .tags(tagged)
                .body(List.of(Map.of("type", "image", "imageId", hidden)))
                .create();
        assertTrue(anonymous()
                .queryParam("tag", tagged)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].content_html")
                .startsWith("<figure><img src=\"" + root + "api/v1/images/" + hidden + "/file?w=1280&amp;"));
        anonymous().get("/api/v1/images/" + hidden + "/file?w=320").then().statusCode(200);
        editor().body(Map.of("status", "draft"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        assertEquals(
                List.of(),
                anonymous()
                        .queryParam("tag", tagged)
                        .get("/api/v1/feeds/articles.json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"));
        anonymous().get("/api/v1/images/" + hidden + "/file?w=320").then().statusCode(404);
    }

    @Test
    void theLeadImageIsAnAtomEnclosureAndTheJsonFeedImageAndBanner() {
        String root = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/";
        String standard = "api/v1/images/" + image + "/file?w=1280&format=jpeg&v=1";
        byte[] rendition = anonymous()
                .get("/" + standard)
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertEquals(
                List.of(1280, 720),
                List.of(
                        TestImages.read(rendition).getWidth(),
                        TestImages.read(rendition).getHeight()));

        List<Element> entries = children(
                parse(anonymous()
                        .queryParam("tag", tag)
                        .get("/api/v1/feeds/articles.atom")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()),
                "entry");
        Element enclosure = link(entries.get(0), "enclosure");
        assertEquals(root + standard, enclosure.getAttribute("href"));
        assertEquals("image/jpeg", enclosure.getAttribute("type"));
        assertEquals(
                String.valueOf(rendition.length),
                enclosure.getAttribute("length"),
                "the standard rendition's byte length");
        assertTrue(
                children(entries.get(1), "link").stream()
                        .noneMatch(l -> l.getAttribute("rel").equals("enclosure")),
                "no lead image, no enclosure");

        JsonPath feed = anonymous()
                .queryParam("tag", tag)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(root + standard, feed.getString("items[0].image"));
        assertEquals(
                root + "api/v1/images/" + image + "/file?w=1920&h=640&fit=cover&format=jpeg&v=1",
                feed.getString("items[0].banner_image"));
        assertNull(feed.get("items[1].image"));
        assertNull(feed.get("items[1].banner_image"));
        anonymous()
                .get(feed.getString("items[0].banner_image"))
                .then()
                .statusCode(200)
                .contentType("image/jpeg");
    }

    @Test
    void filtersByTagSectionPersonAndPlaceInsideAPlace() {
        assertEquals(List.of(second), ids(Map.of("section", "world-" + u)));
        assertEquals(List.of(first), ids(Map.of("person", personSlug)));
        assertEquals(List.of(first), ids(Map.of("person", person)));
        assertEquals(List.of(first), ids(Map.of("place", town)));
        assertEquals(List.of(first, third), ids(Map.of("place", region)), "the region and the town inside it");
        assertEquals(List.of(first, third), ids(Map.of("place", countrySlug)), "any depth");
        assertEquals(List.of(first), ids(Map.of("place", countrySlug, "person", person, "tag", tag.toUpperCase())));
        assertEquals(List.of(), ids(Map.of("tag", "no-such-tag-" + u)));
    }

    @Test
    void unknownPersonOrPlaceGivesAnEmptyFeed() {
        assertEquals(List.of(), ids(Map.of("person", "nobody-" + u)));
        assertEquals(List.of(), ids(Map.of("place", "nowhere-" + u)));
        assertEquals(List.of(), ids(Map.of("place", "0f8b6c1e-3a3e-4c8e-9a55-1f0f3b6b2a10")));
        anonymous()
                .queryParam("person", "nobody-" + u)
                .get("/api/v1/feeds/articles.atom")
                .then()
                .statusCode(200);
    }

    @Test
    void malformedFilterIs400() {
        Map<String, String> bad = Map.of("person", "Not A Slug!", "place", "0f8b6c1e-3a3e-4c8e-9a55-zzzz");
        bad.forEach((field, value) -> {
            for (String feed : List.of("articles.atom", "articles.json")) {
                anonymous()
                        .queryParam(field, value)
                        .get("/api/v1/feeds/" + feed)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("status", equalTo(400))
                        .body("errors[0].field", equalTo(field));
            }
        });
        anonymous()
                .queryParam("tag", " ")
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("tag"));
    }

    @Test
    void editorsGetThePublicFeedToo() {
        List<String> asEditor = editor().queryParam("tag", tag)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertEquals(List.of(first, second, third), asEditor);
    }

    @Test
    void conditionalGetAnswers304UntilAnArticleChanges() {
        String lone = "cond-" + u;
        String id = Articles.article()
                .headline("Conditional " + u)
                .published()
                .tags(lone)
                .create();
        for (String feed : List.of("articles.atom", "articles.json")) {
            String etag = anonymous()
                    .queryParam("tag", lone)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(200)
                    .header("ETag", startsWith("W/\""))
                    .extract()
                    .header("ETag");
            anonymous()
                    .queryParam("tag", lone)
                    .header("If-None-Match", etag)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(304)
                    .body(emptyString())
                    .header("ETag", equalTo(etag));
            anonymous()
                    .queryParam("tag", lone)
                    .header("If-None-Match", "W/\"other\"")
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(200);
            Articles.edit().standfirst("Changed " + feed).patch(id).then().statusCode(200);
            anonymous()
                    .queryParam("tag", lone)
                    .header("If-None-Match", etag)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(200)
                    .header("ETag", not(equalTo(etag)));
        }
    }

    /** A feed is kept rendered with its ETag while current: a repeat and a 304 run no SQL statement and render nothing. */
    @Test
    void aRepeatedFeedAndItsNotModifiedRunNoStatement() {
        String cached = "cached-" + u;
        String id = Articles.article()
                .headline("Cached " + u)
                .published()
                .tags(cached)
                .create();
        for (String feed : List.of("articles.atom", "articles.json")) {
            String etag = anonymous()
                    .queryParam("tag", cached)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(200)
                    .extract()
                    .header("ETag");
            statements.clear();
            anonymous()
                    .queryParam("tag", cached)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(etag));
            anonymous()
                    .queryParam("tag", cached)
                    .header("If-None-Match", etag)
                    .get("/api/v1/feeds/" + feed)
                    .then()
                    .statusCode(304)
                    .header("ETag", equalTo(etag));
            assertEquals(0, statements.count(), "statements of a cached " + feed + " and its 304");
        }
        Articles.edit().headline("Recached " + u).patch(id).then().statusCode(200);
        assertEquals(List.of(id), ids(Map.of("tag", cached)));
        anonymous()
                .queryParam("tag", cached)
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .body("items[0].title", equalTo("Recached " + u));
    }

    @Test
    void aFeedHasTheFiftyNewestArticles() {
        String many = "many-" + u;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add(Articles.article()
                    .headline("Many " + i + " " + u)
                    .published()
                    .tags(many)
                    .publishedAt(now.minusSeconds(1000 - i).toString())
                    .create());
        }
        List<String> newest = new ArrayList<>(ids.subList(1, 51));
        java.util.Collections.reverse(newest);
        assertEquals(newest, ids(Map.of("tag", many)));
        anonymous()
                .queryParam("tag", many)
                .get("/api/v1/feeds/articles.atom")
                .then()
                .statusCode(200);
        assertEquals(
                50,
                children(
                                parse(anonymous()
                                        .queryParam("tag", many)
                                        .get("/api/v1/feeds/articles.atom")
                                        .asByteArray()),
                                "entry")
                        .size());
    }

    private List<String> ids(Map<String, String> query) {
        return anonymous()
                .queryParams(new HashMap<>(query))
                .get("/api/v1/feeds/articles.json")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    private static String selfUrl(String pathAndQuery) {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/feeds/"
                + pathAndQuery;
    }

    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML", e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element el && ATOM.equals(el.getNamespaceURI()) && name.equals(el.getLocalName())) {
                out.add(el);
            }
        }
        return out;
    }

    /** The text of the one child element {@code name} (RFC 4287: exactly one). */
    private static String one(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "exactly one atom:" + name + " in atom:" + parent.getLocalName());
        return found.get(0).getTextContent();
    }

    private static Element link(Element parent, String rel) {
        List<Element> links = children(parent, "link").stream()
                .filter(l -> rel.equals(l.getAttribute("rel")))
                .toList();
        assertEquals(1, links.size(), "one link rel=" + rel);
        assertNotNull(links.get(0).getAttribute("href"));
        return links.get(0);
    }

    /** RFC 3339 date-time with an explicit offset. */
    private static void assertDate(String value) {
        assertNotNull(OffsetDateTime.parse(value), value);
        assertTrue(value.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)"), value);
    }
}
