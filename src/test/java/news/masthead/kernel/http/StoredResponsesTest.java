package news.masthead.kernel.http;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.fixtures.Places;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A repeated anonymous read is replayed whole, before the REST layer: the same status, headers and bytes the REST layer
 * sent, with no SQL statement, and never once a value it was made from has changed, on any instance.
 */
@QuarkusTest
class StoredResponsesTest {

    @Inject
    SqlStatements statements;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private static double replays() {
        return counter("masthead_read_cache_replays_total");
    }

    private static double counter(String name) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m =
                Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(text);
        assertTrue(m.find(), name + " in /q/metrics");
        return Double.parseDouble(m.group(2));
    }

    /** Reads {@code url} twice with {@code headers}: the second answer is a replay of the first, with no statement. */
    private Response assertReplayed(String url, Map<String, String> headers) {
        Response first = anonymous().headers(headers).get(url);
        double before = replays();
        statements.clear();
        Response second = anonymous().headers(headers).get(url);
        assertEquals(0, statements.count(), "SQL statements for " + url);
        assertEquals(before + 1, replays(), "replays after reading " + url + " again");
        assertEquals(first.statusCode(), second.statusCode(), url);
        assertEquals(
                first.headers().asList().toString(), second.headers().asList().toString(), url);
        assertArrayEquals(first.asByteArray(), second.asByteArray(), url);
        return second;
    }

    @Test
    void aRepeatedReadIsReplayedWithTheSameStatusHeadersAndBytesAndNoStatement() {
        String tag = "replayed" + unique();
        String person = People.person().name("Replayed " + unique()).create();
        String place = Places.place().name("Replayed " + unique()).create();
        String article = Articles.article()
                .tags(tag)
                .personIds(person)
                .placeIds(place)
                .published()
                .create();
        for (String url : List.of(
                "/api/v1/articles/" + article + "?include=people,places,quotes",
                "/api/v1/articles/" + article,
                "/api/v1/articles?tag=" + tag + "&limit=1",
                "/api/v1/articles?tag=" + tag + "&fields=id,slug,headline",
                "/api/v1/people/" + person,
                "/api/v1/places/" + place,
                "/api/v1/places?q=Replayed",
                "/api/v1/feeds/articles.atom?tag=" + tag,
                "/api/v1/feeds/articles.json?tag=" + tag)) {
            assertReplayed(url, Map.of());
        }
    }

    @Test
    void aConditionalReadIsReplayedAsTheSame304() {
        String article = Articles.article().published().create();
        String url = "/api/v1/articles/" + article;
        String etag = anonymous().get(url).then().statusCode(200).extract().header("ETag");
        Response replayed = assertReplayed(url, Map.of("If-None-Match", etag));
        assertEquals(304, replayed.statusCode());
        assertEquals(etag, replayed.header("ETag"));
        assertEquals(0, replayed.asByteArray().length);
    }

    @Test
    void eachOriginGetsItsOwnCorsHeadersAndEachHostItsOwnLinks() {
        String tag = "origins" + unique();
        Articles.article().tags(tag).published().create();
        Articles.article().tags(tag).published().create();
        String url = "/api/v1/articles?tag=" + tag + "&limit=1";
        assertReplayed(url, Map.of("Origin", "https://one.example"));
        assertEquals(
                "https://two.example",
                assertReplayed(url, Map.of("Origin", "https://two.example")).header("Access-Control-Allow-Origin"));
        assertNull(assertReplayed(url, Map.of()).header("Access-Control-Allow-Origin"));
        assertTrue(assertReplayed(url, Map.of("Host", "one.example:8443"))
                .header("Link")
                .startsWith("<http://one.example:8443/api/v1/articles?"));
        assertTrue(assertReplayed(url, Map.of("Host", "two.example"))
                .header("Link")
                .startsWith("<http://two.example/api/v1/articles?"));
    }

    @Test
    void aCallerWithATokenIsNeverServedTheAnonymousAnswer() {
        String tag = "drafts" + unique();
        Articles.article().tags(tag).create(); // a draft
        String url = "/api/v1/articles?tag=" + tag;
        assertReplayed(url, Map.of()).then().body("total", equalTo(0));
        double before = replays();
        editor().get(url).then().statusCode(200).body("total", equalTo(1));
        editor().get(url).then().statusCode(200).body("total", equalTo(1));
        assertEquals(before, replays());
    }

    @Test
    void aReplayedAnswerFollowsAnEditAndAWriteStraightInTheDatabase() throws Exception {
        String article = replayedThenEdited("Edited");
        String url = "/api/v1/articles/" + article + "?include=people";
        anonymous().get(url).then().statusCode(200).body("headline", equalTo("Edited"));
        assertReplayed(url, Map.of());
        // Another instance shares only the database: it writes the row directly, this one is told nothing.
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "update articles set headline = 'Elsewhere', version = version + 1 where id = ?::uuid")) {
            st.setString(1, article);
            st.executeUpdate();
        }
        anonymous().get(url).then().statusCode(200).body("headline", equalTo("Elsewhere"));
    }

    /** A statement run for the request outside any read-cache computation keeps its answer from being replayed. */
    @Test
    void anAnswerThatAlsoReadsBesideTheReadCacheIsNeverReplayed() {
        for (String url : List.of("/api/v1/test-only/replay", "/api/v1/test-only/replay?via=hibernate")) {
            String first = anonymous().get(url).then().statusCode(200).extract().path("direct");
            double before = replays();
            String second =
                    anonymous().get(url).then().statusCode(200).extract().path("direct");
            assertEquals(before, replays(), url);
            assertFalse(first.equals(second), url + " ran its statement again: " + first + " then " + second);
        }
    }

    /** The version read that found a kept answer stale is the one the REST layer then answers from: one read, not two. */
    @Test
    void aStaleKeptAnswerCostsOneVersionReadNotTwo() {
        String url = "/api/v1/articles/" + replayedThenEdited("Twice?") + "?include=people";
        double before = counter("masthead_data_version_reads_total");
        anonymous().get(url).then().statusCode(200).body("headline", equalTo("Twice?"));
        assertEquals(before + 1, counter("masthead_data_version_reads_total"));
    }

    @Test
    void replayedReadsAreCountedUnderTheirRouteTemplate() {
        String article = Articles.article().published().create();
        String url = "/api/v1/articles/" + article;
        assertReplayed(url, Map.of());
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/articles/{idOrSlug}\""));
        assertFalse(metrics.contains(article), "a replayed request's own path is no metric tag");
    }

    /**
     * 64 readers of one page while it is edited: every read that starts after the edit's answer arrived shows the edit,
     * whether the REST layer or a replay answered it.
     */
    @Test
    void sixtyFourReadersSeeAnEditFromTheMomentItIsAnswered() throws Exception {
        String article = Articles.article().headline("Old").published().create();
        URI page = base.resolve("/api/v1/articles/" + article + "?include=people,places");
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicBoolean edited = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<int[]>> readers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            readers.add(pool.submit(() -> {
                int after = 0;
                int staleAfter = 0;
                while (!stop.get()) {
                    boolean editDone = edited.get();
                    HttpResponse<String> r =
                            client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), r.body());
                    if (editDone) {
                        after++;
                        staleAfter += r.body().contains("\"headline\":\"New\"") ? 0 : 1;
                    }
                }
                return new int[] {after, staleAfter};
            }));
        }
        Thread.sleep(1000);
        editor().body(Map.of("headline", "New"))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        edited.set(true);
        Thread.sleep(1000);
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        int after = 0;
        int stale = 0;
        for (Future<int[]> f : readers) {
            after += f.get()[0];
            stale += f.get()[1];
        }
        assertTrue(after >= 64, "reads after the edit: " + after);
        assertEquals(0, stale, "stale reads among " + after + " made after the edit was answered");
    }

    /** A published article whose answer (with include=people) was replayed, then edited to this headline: its id. */
    private String replayedThenEdited(String headline) {
        String article = Articles.article().headline("Before").published().create();
        assertReplayed("/api/v1/articles/" + article + "?include=people", Map.of());
        editor().body(Map.of("headline", headline))
                .patch("/api/v1/articles/" + article)
                .then()
                .statusCode(200);
        return article;
    }
}
