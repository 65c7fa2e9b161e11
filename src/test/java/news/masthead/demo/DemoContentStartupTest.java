package news.masthead.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static news.masthead.Api.anonymous;
import static news.masthead.demo.DemoContentTest.total;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The startup path on a database of its own (a fresh embedded cluster in target/test-data-demo,
 * demo content on): the application loads the demo content while starting, and loaders racing on
 * an empty database load it once.
 */
@QuarkusTest
@TestProfile(DemoContentStartupTest.FreshDatabaseWithDemoContent.class)
class DemoContentStartupTest {

    public static class FreshDatabaseWithDemoContent implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.demo-content", "true", "cms.data-dir", "target/test-data-demo");
        }
    }

    @Inject
    DemoContent demo;

    @Inject
    EntityManager em;

    @Test
    void startupLoadedTheDemoContent() {
        assertTotals();
        // Anonymous readers see the four published articles, not the draft or the scheduled one.
        anonymous().get("/api/v1/articles").then().statusCode(200).body("total", equalTo(4));
        anonymous().get("/api/v1/places/kharkiv-oblast").then().statusCode(200).body("kind", equalTo("region"));
    }

    @Test
    void loadersRacingOnAnEmptyDatabaseLoadOnce() throws Exception {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "truncate comments, quotes, article_people, article_places, article_images, image_people,"
                                        + " image_originals, articles, images, places, people")
                        .executeUpdate());
        assertEquals(0, total("people"));

        int racers = 3;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<DemoContent.Loaded>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<DemoContent.Loaded> racer = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return demo.loadIfEmpty();
                };
                results.add(pool.submit(racer));
            }
            int loads = 0;
            for (Future<DemoContent.Loaded> r : results) {
                loads += r.get(60, TimeUnit.SECONDS).isEmpty() ? 0 : 1;
            }
            assertEquals(1, loads);
        } finally {
            pool.shutdownNow();
        }
        assertTotals();
    }

    private static void assertTotals() {
        assertEquals(7, total("people"));
        assertEquals(12, total("places"));
        assertEquals(6, total("articles"));
        assertEquals(11, total("quotes"));
    }
}
