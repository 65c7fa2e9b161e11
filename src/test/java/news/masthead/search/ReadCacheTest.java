package news.masthead.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.SqlStatements;
import news.masthead.fixtures.Articles;
import news.masthead.fixtures.Comments;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages, articles and totals are cached between requests, yet never stale: not after a write, whoever
 * made it, nor once a scheduled article comes due.
 */
@QuarkusTest
class ReadCacheTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SqlStatements statements;

    private static void total(String url, int expected) {
        anonymous()
                .get(url)
                .then()
                .statusCode(200)
                .body("total", equalTo(expected))
                .body("items", hasSize(expected));
    }

    private static String published(String tag) {
        return Articles.article()
                .headline("Counted " + unique())
                .published()
                .tags(tag)
                .create();
    }

    @Test
    void listsAndTotalsFollowEveryWriteAtOnce() {
        String tag = "totals" + unique();
        String url = "/api/v1/articles?tag=" + tag;
        published(tag);
        total(url, 1);
        total(url, 1);
        String second = published(tag);
        total(url, 2);
        editor().body(Map.of("status", "archived"))
                .patch("/api/v1/articles/" + second)
                .then()
                .statusCode(200);
        total(url, 1);
        editor().delete("/api/v1/articles/" + second).then().statusCode(204);
        total(url, 1);
    }

    @Test
    void aReaderCommentLeavesCachedArticlesInPlace() {
        String tag = "commented" + unique();
        String list = "/api/v1/articles?tag=" + tag;
        String id = published(tag);
        String article = "/api/v1/articles/" + id + "?include=people,places,quotes";
        total(list, 1);
        anonymous().get(article).then().statusCode(200);
        Comments.commentOn(id)
                .authorName("Reader")
                .authorEmail("reader@example.org")
                .body("Well put.")
                .create();
        statements.clear();
        total(list, 1);
        anonymous().get(article).then().statusCode(200);
        assertEquals(0, statements.count(), "statements after a comment");
        editor().body(Map.of("standfirst", "Edited"))
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200);
        statements.clear();
        anonymous().get(article).then().statusCode(200).body("standfirst", equalTo("Edited"));
        assertEquals(1, statements.count(), "statements after an article edit");
    }

    @Test
    void aWriteMadeOutsideThisInstanceIsSeenAtOnce() throws Exception {
        String tag = "elsewhere" + unique();
        String url = "/api/v1/articles?tag=" + tag;
        String id = published(tag);
        total(url, 1);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200);
        // Another instance shares only the database: it writes the row directly, this one is told nothing.
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update articles set status = 'draft', version = version + 1 where id = ?::uuid")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        total(url, 0);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void concurrentFirstReadsOfManyQueriesAllAnswerAlike() throws Exception {
        String tag = "herd" + unique();
        for (int i = 0; i < 3; i++) {
            published(tag);
        }
        // 8 queries that share a total (same filter, other page sizes), each asked 4 times at once: page and
        // total computations nest, and every request must get the one right answer, none may hang.
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int n = 0; n < 32; n++) {
                String url = "/api/v1/articles?tag=" + tag + "&limit=" + (1 + n % 8);
                answers.add(pool.submit(() -> anonymous()
                        .get(url)
                        .then()
                        .statusCode(200)
                        .body("total", equalTo(3))
                        .extract()
                        .path("items[0].id")));
            }
            Set<String> firstItems = new HashSet<>();
            for (Future<String> a : answers) {
                firstItems.add(a.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, firstItems.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anArticleReadShowsAnEditAtOnce() {
        String id = published("edited" + unique());
        for (int i = 0; i < 2; i++) {
            anonymous()
                    .get("/api/v1/articles/" + id + "?include=people")
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1));
            anonymous().get("/api/v1/articles/" + id).then().statusCode(200).header("ETag", "\"1\"");
        }
        Articles.edit().headline("Edited headline").patch(id).then().statusCode(200);
        anonymous()
                .get("/api/v1/articles/" + id + "?include=people")
                .then()
                .statusCode(200)
                .body("headline", equalTo("Edited headline"));
        anonymous()
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("headline", equalTo("Edited headline"));
    }

    @Test
    void aScheduledArticleIsListedAndCountedOnceItsTimeHasCome() throws InterruptedException {
        String tag = "due" + unique();
        String url = "/api/v1/articles?tag=" + tag;
        Instant due = Instant.now().plus(2, ChronoUnit.SECONDS);
        String scheduled = Articles.article()
                .headline("Due " + unique())
                .scheduled()
                .publishedAt(due)
                .tags(tag)
                .create();
        total(url, 0);
        total(url, 0);
        anonymous().get("/api/v1/articles/" + scheduled).then().statusCode(404);
        Thread.sleep(Math.max(0, Instant.now().until(due, ChronoUnit.MILLIS)) + 300);
        total(url, 1);
        anonymous().get("/api/v1/articles/" + scheduled).then().statusCode(200);
    }
}
