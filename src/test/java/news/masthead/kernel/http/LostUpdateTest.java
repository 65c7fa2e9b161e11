package news.masthead.kernel.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import news.masthead.fixtures.Articles;
import org.junit.jupiter.api.RepeatedTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.masthead.Api.anonymous;
import static news.masthead.Api.editor;
import static news.masthead.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class LostUpdateTest {

    /** Two editors read version 1 and save at the same moment: one wins whole, the other gets 412. */
    @RepeatedTest(5)
    void concurrentEditorsWithTheSameIfMatchCannotBothWin() throws Exception {
        String id = Articles.article()
                .headline("Original " + unique())
                .standfirst("original")
                .tags("a")
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> alice = Articles.article()
                .headline("Alice's headline")
                .standfirst("by alice")
                .tags("alice")
                .fields();
        Map<String, Object> bob = Articles.article()
                .headline("Bob's headline")
                .standfirst("by bob")
                .tags("bob", "second")
                .fields();

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Response>> results = new ArrayList<>();
        for (Map<String, Object> body : List.of(alice, bob)) {
            Callable<Response> put = () -> {
                start.await();
                return editor().header("If-Match", "\"1\"").body(body).put("/api/v1/articles/" + id);
            };
            results.add(pool.submit(put));
        }
        Response first = results.get(0).get();
        Response second = results.get(1).get();
        pool.shutdown();

        List<Integer> statuses = new ArrayList<>(List.of(first.statusCode(), second.statusCode()));
        statuses.sort(Integer::compare);
        assertEquals(List.of(200, 412), statuses);
        Map<String, Object> winner = first.statusCode() == 200 ? alice : bob;
        Response stored = editor().get("/api/v1/articles/" + id);
        assertEquals(winner.get("headline"), stored.path("headline"));
        assertEquals(winner.get("standfirst"), stored.path("standfirst"));
        assertEquals(winner.get("tags"), stored.path("tags"));
        assertEquals(2, (int) stored.path("version"));
    }

    /** Without If-Match the writes queue up: each replaces the article whole, never a mix of both. */
    @RepeatedTest(3)
    void concurrentWritesWithoutIfMatchNeverInterleave() throws Exception {
        String id = Articles.article()
                .headline("Queue " + unique())
                .post()
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        CyclicBarrier start = new CyclicBarrier(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String mark = "writer-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return Articles.article()
                        .headline(mark)
                        .standfirst(mark)
                        .section(mark)
                        .put(id)
                        .statusCode();
            }));
        }
        for (Future<Integer> r : results) {
            assertEquals(200, r.get());
        }
        pool.shutdown();
        Response stored = editor().get("/api/v1/articles/" + id);
        assertEquals((String) stored.path("headline"), stored.path("standfirst"));
        assertEquals((String) stored.path("headline"), stored.path("section"));
        assertEquals(5, (int) stored.path("version"));
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }
}
