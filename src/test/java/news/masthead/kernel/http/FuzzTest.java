package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Quotes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table-driven fuzzing over every endpoint: malformed bodies, wrong types, huge numbers, bad
 * encodings, injection strings, bad paths and query parameters. Every answer must be a 4xx
 * problem+json or a correct 2xx: never a 5xx, never a hang.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20261126L;
    private static final List<String> COLLECTIONS = List.of("articles", "people", "places", "quotes");
    private static final List<String> NASTY = List.of(
            "'; DROP TABLE articles; --",
            "\" OR 1=1 --",
            "<script>alert('x')</script>",
            "<img src=x onerror=alert(1)>",
            "${jndi:ldap://x/a}",
            "{{7*7}}",
            "%s%s%s%n",
            "../../etc/passwd",
            "Robert'); DELETE FROM people;--",
            "ünïcödé ✓ 🦆 Кириличний текст",
            "\\u0000 (escaped, harmless)",
            "line\nbreak\ttab\r",
            "a\u200Bb\uFEFF",
            "x".repeat(5000));
    private static final List<String> BAD_VALUES = List.of(
            "null",
            "true",
            "12",
            "-1",
            "1e400",
            "99999999999999999999999999",
            "\"\"",
            "\"   \"",
            "[]",
            "{}",
            "[1,2]",
            "\"not-a-uuid\"",
            "\"2026-13-45T99:99:99Z\"",
            "{\"a\":1}",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "0.5",
            "-1e-400");

    private final Random random = new Random(SEED);
    private int requests;

    @BeforeAll
    static void timeouts() {
        RestAssured.config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", 10_000)
                        .setParam("http.socket.timeout", 10_000));
    }

    @Test
    void malformedRequestsNeverCauseA5xx() {
        Map<String, String> ids = Map.of(
                "people", news.masthead.Api.person("Fuzz Person " + unique()),
                "places", news.masthead.Api.place("Fuzz Place " + unique(), "town", null));
        String article = Articles.article()
                .headline("Fuzz " + unique())
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String quote = Quotes.quote()
                .text("Fuzz quote")
                .speaker(ids.get("people"))
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, String> existing =
                Map.of("articles", article, "people", ids.get("people"), "places", ids.get("places"), "quotes", quote);

        for (String collection : COLLECTIONS) {
            String item = "/api/v1/" + collection + "/" + existing.get(collection);
            for (String field : fields(collection)) {
                for (String bad : BAD_VALUES) {
                    String body = "{\"" + field + "\":" + bad + "}";
                    check(editor().body(body), "POST", "/api/v1/" + collection);
                    check(editor().body(body), "PUT", item);
                    check(editor().contentType("application/merge-patch+json").body(body), "PATCH", item);
                }
            }
            for (int i = 0; i < 40; i++) {
                check(editor().body(truncated(valid(collection, ids))), "POST", "/api/v1/" + collection);
            }
            check(editor().body(deeplyNested(5_000)), "POST", "/api/v1/" + collection);
            check(editor().body(deeplyNested(5_000)), "PATCH", item);
            check(editor().body(invalidUtf8()), "POST", "/api/v1/" + collection);
            check(editor().body("{\"name\":\"a\",\"name\":\"b\"}"), "POST", "/api/v1/" + collection);
            check(editor().body("{} trailing"), "PATCH", item);
            check(editor().body("[{\"headline\":\"x\"}]"), "POST", "/api/v1/" + collection);
            for (String path : badPaths()) {
                check(editor(), "GET", "/api/v1/" + collection + "/" + path);
                check(editor().body("{}"), "DELETE", "/api/v1/" + collection + "/" + path);
            }
            for (String q : badQueries()) {
                check(editor(), "GET", "/api/v1/" + collection + "?" + q);
            }
        }
        assertTrue(requests >= 1_000, "sent " + requests + " requests");
    }

    @Test
    void injectionStringsAreStoredAndReadBackByteIdentical() {
        for (String nasty : NASTY) {
            String person = People.person()
                    .name(nasty.substring(0, Math.min(200, nasty.length())))
                    .description(nasty)
                    .post()
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Response read = editor().get("/api/v1/people/" + person);
            assertEquals(nasty, read.path("description"));
            String standfirst = nasty.substring(0, Math.min(2_000, nasty.length()));
            String article = Articles.article()
                    .headline("Injection " + unique())
                    .standfirst(standfirst)
                    .body(List.of(Map.of("type", "paragraph", "text", nasty)))
                    .tags("t" + unique())
                    .post()
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            Response a = editor().get("/api/v1/articles/" + article);
            assertEquals(standfirst, a.path("standfirst"));
            assertEquals(nasty, a.path("body[0].text"));
            byte[] raw = a.asByteArray();
            assertTrue(new String(raw, StandardCharsets.UTF_8).contains("\"id\""), "body is UTF-8 JSON");
        }
    }

    @Test
    void aCursorWhoseValueTheDatabaseCannotReadIsA400() {
        String person = news.masthead.Api.person("Cursor Person " + unique());
        news.masthead.Api.person("Cursor Person " + unique());
        for (int i = 0; i < 2; i++) {
            Articles.article()
                    .headline("Cursor " + unique())
                    .published()
                    .post()
                    .then()
                    .statusCode(201);
            Quotes.quote()
                    .text("Cursor quote " + i)
                    .speaker(person)
                    .saidAt("2026-01-0" + (i + 1) + "T00:00:00Z")
                    .post()
                    .then()
                    .statusCode(201);
            news.masthead.Api.create(
                    "places",
                    Map.of("name", "Cursor Place " + unique(), "kind", "town", "latitude", 50, "longitude", 30));
        }
        List<String> instants = List.of(
                "2026-13-45T99:99:99.000000Z",
                "2026-02-29T00:00:00.000000Z",
                "0000-01-01T00:00:00.000000Z",
                "294277-01-01T00:00:00.000000Z",
                "yesterday",
                "2026-01-01",
                "");
        List<String> numbers = List.of("1e400", "1e-400", "1.5d", "0x1p3", "abc", "1,5");
        Map<String, List<String>> cases = Map.of(
                "/api/v1/articles?limit=1", instants,
                "/api/v1/articles?limit=1&sort=updatedAt", instants,
                "/api/v1/quotes?limit=1", instants,
                "/api/v1/people?limit=1", List.of("a\u0000b"),
                "/api/v1/people?limit=1&q=cursor", List.of("1e-50", "1e39", "abc"),
                "/api/v1/places?limit=1&near=50,30&radiusKm=100", numbers);
        cases.forEach((list, values) -> {
            String next = anonymous().get(list).then().statusCode(200).extract().path("next");
            for (String value : values) {
                Response r =
                        anonymous().queryParam("cursor", withValue(next, value)).get(list);
                String what = list + " with a cursor value '" + value + "'";
                assertEquals(400, r.statusCode(), what + ": " + r.asString());
                assertEquals("application/problem+json", r.contentType(), what);
                assertEquals("urn:masthead:problem:validation", r.path("type"), what);
                assertEquals("cursor", r.path("errors[0].field"), what);
            }
            // The untouched cursor still works: only the value was wrong.
            anonymous().queryParam("cursor", next).get(list).then().statusCode(200);
        });
    }

    @Test
    void aControlCharacterInAQueryOptionIsA400() {
        Map<String, List<String>> cases = Map.of(
                "/api/v1/feeds/articles.json", List.of("section", "tag"),
                "/api/v1/feeds/articles.atom", List.of("section", "tag"),
                "/api/v1/articles", List.of("section", "tag", "q"),
                "/api/v1/people", List.of("q"),
                "/api/v1/places", List.of("q"),
                "/api/v1/quotes", List.of("q"));
        cases.forEach((path, options) -> {
            for (String option : options) {
                for (String value : List.of("a\u0000b", "a\u0001b", "\u001b[31m")) {
                    Response r = anonymous().queryParam(option, value).get(path);
                    String what = path + "?" + option + "=" + value.replace("\u0000", "%00");
                    assertEquals(400, r.statusCode(), what + ": " + r.asString());
                    assertEquals("application/problem+json", r.contentType(), what);
                    assertEquals(400, (int) r.path("status"), what);
                    assertEquals(option, r.path("errors[0].field"), what);
                }
            }
        });
        // The case of the report: a lone NUL (trimmed away to nothing) is a 400 too.
        anonymous()
                .urlEncodingEnabled(false)
                .get("/api/v1/feeds/articles.json?section=%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("section"));
    }

    @Test
    void aPathWithABadPercentEscapeIsAProblem400() throws IOException {
        // No HTTP client library sends such a path (they reject it as a URI), so this one writes the request itself.
        for (String path : List.of("/api/v1/articles/%ZZ", "/api/v1/people/%E0%A4%A", "/api/v1/places/%", "/%ZZ")) {
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                socket.getOutputStream()
                        .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String[] answer =
                        new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2);
                assertTrue(answer[0].startsWith("HTTP/1.1 400 "), path + ": " + answer[0]);
                assertTrue(
                        answer[0].toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"),
                        path + ": " + answer[0]);
                assertEquals(
                        "{\"type\":\"urn:masthead:problem:bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"The request path is not valid percent-encoded UTF-8.\"}",
                        answer[1],
                        path);
            }
        }
    }

    /** The cursor with its sort value replaced: keeps the list it belongs to and the row id. */
    private static String withValue(String cursor, String value) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String tampered = raw.substring(0, raw.indexOf('\n')) + "\n=" + value + raw.substring(raw.lastIndexOf('\n'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tampered.getBytes(StandardCharsets.UTF_8));
    }

    private void check(RequestSpecification spec, String method, String path) {
        Response r = spec.request(method, path);
        requests++;
        int status = r.statusCode();
        String what = method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " → " + status;
        assertTrue(status < 500, what + ": " + r.asString());
        if (status >= 400) {
            assertEquals("application/problem+json", r.contentType().split(";")[0], what);
            assertEquals(status, (int) r.path("status"), what);
        }
    }

    private static List<String> fields(String collection) {
        return switch (collection) {
            case "articles" ->
                List.of(
                        "headline",
                        "slug",
                        "body",
                        "tags",
                        "status",
                        "publishedAt",
                        "commentsOpen",
                        "personIds",
                        "placeIds",
                        "language",
                        "unknownField");
            case "people" -> List.of("name", "slug", "aliases", "role", "unknownField");
            case "places" -> List.of("name", "kind", "parentId", "latitude", "longitude", "population", "countryCode");
            default -> List.of("text", "speakerId", "articleId", "saidAt", "language", "unknownField");
        };
    }

    private static String valid(String collection, Map<String, String> ids) {
        return switch (collection) {
            case "articles" ->
                "{\"headline\":\"A fuzzed article\",\"body\":[{\"type\":\"paragraph\",\"text\":\"one\"},"
                        + "{\"type\":\"heading\",\"text\":\"two\"}],\"tags\":[\"x\",\"y\"],\"status\":\"published\","
                        + "\"personIds\":[\"" + ids.get("people") + "\"]}";
            case "people" -> "{\"name\":\"Fuzzy Name\",\"aliases\":[\"F\",\"N\"],\"role\":\"Tester\"}";
            case "places" -> "{\"name\":\"Fuzzville\",\"kind\":\"town\",\"latitude\":49.5,\"longitude\":36.2}";
            default ->
                "{\"text\":\"Said something\",\"speakerId\":\"" + ids.get("people") + "\",\"channel\":\"Radio\"}";
        };
    }

    private String truncated(String json) {
        return json.substring(0, 1 + random.nextInt(json.length() - 1));
    }

    private static String deeplyNested(int depth) {
        return "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private static byte[] invalidUtf8() {
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(bad, 0, out, prefix.length, bad.length);
        System.arraycopy(suffix, 0, out, prefix.length + bad.length, suffix.length);
        return out;
    }

    private static List<String> badPaths() {
        List<String> out = new ArrayList<>(List.of(
                "%00",
                "..%2F..%2Fetc",
                "00000000-0000-0000-0000-00000000000g",
                "UPPER-Case",
                "a--b",
                "-x",
                "x".repeat(3000),
                "%E2%9C%93",
                "%FF%FE",
                "'%20OR%20'1'='1",
                "null",
                "0"));
        out.add("12345678-1234-1234-1234-123456789012");
        return out;
    }

    private static List<String> badQueries() {
        return List.of(
                "limit=0",
                "limit=101",
                "limit=-5",
                "limit=abc",
                "limit=1e3",
                "limit=99999999999999999999",
                "cursor=%%%",
                "cursor=AAAA",
                "cursor=" + "Z".repeat(5000),
                "cursor=bm90LWEtY3Vyc29y",
                "sort=bogus",
                "sort=-",
                "sort=--name",
                "total=maybe",
                "limit=&cursor=",
                "sort=%00");
    }
}
