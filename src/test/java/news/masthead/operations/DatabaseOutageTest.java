package news.masthead.operations;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.masthead.embedded.EmbeddedDatabase;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.People;
import news.masthead.kernel.config.CmsConfig;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.problem;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away mid-traffic and comes back: meanwhile every call answers 503 problem+json with Retry-After in
 * bounded time and readiness is DOWN; afterwards reads and writes work again without a restart, and no write is half-made.
 */
@QuarkusTest
class DatabaseOutageTest {

    /** Acquisition (5 s) or connect (5 s) timeouts bound every answer; the margin is for a busy CI box. */
    private static final long MAX_ANSWER_MS = 12_000;

    private static final long RECOVERY_MS = 10_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CmsConfig config;

    @Test
    void whileTheDatabaseIsDownEveryCallIsToldToRetryAndAfterwardsAllWorks() throws Exception {
        assertTrue(EmbeddedDatabase.running(), "this test stops and restarts the embedded database");
        String u = unique();
        String person = People.person().name("Outage Person " + u).create();
        String slug = editor().get("/api/v1/articles/"
                        + Articles.article()
                                .headline("Outage article " + u)
                                .published()
                                .create())
                .then()
                .extract()
                .path("slug");
        String prefix = "outage-" + u + "-";

        Load load = new Load(RestAssured.port);
        List<HttpRequest> reads = List.of(
                load.get("/api/v1/articles/" + slug, Map.of()),
                load.get("/api/v1/articles", Map.of()),
                load.get("/api/v1/people", Map.of()),
                load.get("/api/v1/quotes", Map.of()),
                load.get("/api/v1/changes", Map.of()));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong max = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        Map<String, Long> wrong = new ConcurrentHashMap<>();
        List<Thread> traffic = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            traffic.add(new Thread(
                    () -> {
                        for (int k = 0; !stop.get(); k++) {
                            boolean write = n == 0;
                            long start = System.nanoTime();
                            String outcome = write
                                    ? writeArticle(prefix + k, person)
                                    : load.send(reads.get((n + k) % reads.size()));
                            max.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                            answers.incrementAndGet();
                            if (!outcome.equals("ok") && !outcome.equals("503")) {
                                wrong.merge(outcome, 1L, Long::sum);
                            }
                        }
                    },
                    "traffic-" + i));
        }
        traffic.forEach(Thread::start);
        try {
            Thread.sleep(1500);
            EmbeddedDatabase.stop();
            Thread.sleep(500);

            given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            for (String path : List.of(
                    "/api/v1/articles/" + slug,
                    "/api/v1/articles",
                    "/api/v1/people",
                    "/api/v1/people/" + person,
                    "/api/v1/places",
                    "/api/v1/quotes",
                    "/api/v1/changes",
                    "/api/v1/feeds/articles.json")) {
                assertUnavailable(anonymous().get(path), "GET " + path);
            }
            assertUnavailable(editor().get("/api/v1/comments"), "GET /api/v1/comments");
            assertUnavailable(People.person().name("Never " + u).post(), "POST /api/v1/people");
            Thread.sleep(1000);
        } finally {
            if (!EmbeddedDatabase.running()) {
                EmbeddedDatabase.start(Path.of(config.dataDir()), false, false);
            }
        }
        long back = System.nanoTime();
        awaitWorking(() -> anonymous().get("/api/v1/articles/" + slug), 200);
        awaitWorking(() -> People.person().name("After the outage " + u).post(), 201);
        awaitWorking(() -> anonymous().get("/api/v1/people"), 200);
        long recovered = (System.nanoTime() - back) / 1_000_000;
        Thread.sleep(500);
        stop.set(true);
        for (Thread t : traffic) {
            t.join();
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        System.out.printf(
                "Outage: %d answers, max %d ms, recovered in %d ms, wrong %s%n",
                answers.get(), max.get(), recovered, wrong);

        assertEquals(Map.of(), wrong, "answers other than 2xx or 503 with Retry-After");
        assertTrue(max.get() <= MAX_ANSWER_MS, "an answer took " + max + " ms");
        assertTrue(recovered <= RECOVERY_MS, "reads and writes worked again only after " + recovered + " ms");
        assertTrue(count(prefix, "true") > 0, "no article was written");
        assertEquals(
                0,
                count(
                        prefix,
                        "not exists (select 1 from article_people ap where ap.article_id = a.id)"
                                + " or not exists (select 1 from changes ch where ch.collection = 'articles' and ch.id = a.id)"),
                "articles written without their person link or change-feed entry");
    }

    /** Creates an article about the person: three tables in one transaction. */
    private static String writeArticle(String slug, String person) {
        Response r = Articles.article()
                .headline("Outage write " + slug)
                .slug(slug)
                .personIds(person)
                .post();
        if (r.statusCode() == 201 || r.statusCode() == 503 && r.header("Retry-After") != null) {
            return r.statusCode() == 201 ? "ok" : "503";
        }
        return r.statusCode() + " " + r.asString();
    }

    private static void assertUnavailable(Response r, String what) {
        long ms = r.timeIn(TimeUnit.MILLISECONDS);
        problem(r, 503).header("Retry-After", notNullValue());
        assertTrue(ms <= MAX_ANSWER_MS, what + " took " + ms + " ms");
    }

    private static void awaitWorking(Supplier<Response> call, int status) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMillis(RECOVERY_MS).toNanos();
        int last = -1;
        while (System.nanoTime() < end) {
            last = call.get().statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("still " + last + " " + RECOVERY_MS + " ms after the database came back");
    }

    /** This test's articles that match {@code condition}. */
    private long count(String prefix, String condition) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from articles a where a.slug like '" + prefix
                        + "%' and (" + condition + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
