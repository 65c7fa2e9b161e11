package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static news.masthead.Api.admin;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static news.masthead.fixtures.Articles.article;
import static news.masthead.fixtures.Comments.commentOn;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Comments and tokens take the same row lock before If-Match as every other resource: of two writers
 * that send the same If-Match at the same moment, one wins and the other learns why, never a 409 from
 * a version check that lost the race inside the database.
 */
@QuarkusTest
class ConcurrentConditionalWritesTest {

    /** A pending comment, posted as editor (no rate limit) on a fresh article; returns its path. */
    private static String comment() {
        String id = commentOn(article().published().create())
                .post(editor())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return "/api/v1/comments/" + id;
    }

    /** Sends both requests at the same moment; their statuses, sorted. */
    private static List<Integer> race(Function<Integer, Response> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int writer = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return request.apply(writer);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> r : results) {
                statuses.add(r.get().statusCode());
            }
            statuses.sort(Integer::compare);
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @RepeatedTest(5)
    void twoModeratorsWithTheSameIfMatchOnACommentCannotBothWin() throws Exception {
        String path = comment();
        List<String> verdicts = List.of("approved", "rejected");
        assertEquals(
                List.of(200, 412),
                race(i -> editor().header("If-Match", "\"1\"")
                        .body(Map.of("status", verdicts.get(i), "body", "Edited by moderator " + i))
                        .patch(path)));
        Response stored = editor().get(path);
        assertEquals(2, (int) stored.path("version"));
        int winner = verdicts.indexOf(stored.<String>path("status"));
        assertEquals("Edited by moderator " + winner, stored.path("body"));
    }

    @RepeatedTest(3)
    void aModerationAndADeleteWithTheSameIfMatchOnACommentCannotBothWin() throws Exception {
        String path = comment();
        List<Integer> statuses = race(i -> {
            RequestSpecification r = editor().header("If-Match", "\"1\"");
            return i == 0 ? r.body(Map.of("status", "approved")).patch(path) : r.delete(path);
        });
        // The patch wins (the delete then sees version 2: 412), or the delete wins (the patch then finds nothing: 404).
        List<Integer> stored = List.of(editor().get(path).statusCode());
        assertEquals(stored.equals(List.of(200)) ? List.of(200, 412) : List.of(204, 404), statuses);
    }

    @RepeatedTest(3)
    void twoAdminsRevokingATokenWithTheSameIfMatchGetOne204AndOne404() throws Exception {
        String id = admin().body(Map.of("name", "Race " + unique(), "role", "editor"))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // The loser finds the token gone: a DELETE of a missing resource is 404, whatever its If-Match said.
        assertEquals(
                List.of(204, 404), race(i -> admin().header("If-Match", "\"1\"").delete("/api/v1/tokens/" + id)));
        admin().get("/api/v1/tokens/" + id).then().statusCode(404);
    }
}
