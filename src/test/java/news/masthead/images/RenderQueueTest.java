package news.masthead.images;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import news.masthead.fixtures.Articles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static news.masthead.Api.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders run on threads of their own: cold renders waiting for a decode slot hold none of the few worker threads that
 * answer requests (WorkerThreadsConfigFactory), so reads go on.
 */
@QuarkusTest
class RenderQueueTest {

    /** Distinct renditions of one 640x480 image: contain at three widths, cover at three by two sizes, two formats. */
    private static final List<String> SIZES = sizes();

    @Inject
    Renditions renditions;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workers;

    @Test
    void readsGoOnWhileMoreRendersThanWorkerThreadsWaitForADecodeSlot() throws Exception {
        int n = workers + 8;
        List<String> urls = new ArrayList<>();
        while (urls.size() < n) {
            String image = TestImages.uploaded(TestImages.picture(640, 480, "png"), "image/png");
            for (String size : SIZES) {
                urls.add("/api/v1/images/" + image + "/file?" + size);
            }
        }
        String article = Articles.article().published().create();
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Void>>> renders = new ArrayList<>();
        long readMillis = renditions.decoding(
                1,
                () -> renditions.decoding(
                        1,
                        () -> { // both slots taken
                            for (String url : urls.subList(0, n)) {
                                renders.add(client.sendAsync(
                                        request(url, Duration.ofSeconds(40))
                                                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding()));
                            }
                            sleep(1000); // every render has arrived and waits
                            long start = System.nanoTime();
                            // Were the worker threads all waiting, it would not answer until the slots are given back,
                            // after it.
                            HttpResponse<Void> read =
                                    send(client, "/api/v1/articles/" + article, Duration.ofSeconds(5));
                            long millis = (System.nanoTime() - start) / 1_000_000;
                            assertEquals(200, read.statusCode());
                            assertFalse(
                                    renders.stream().anyMatch(CompletableFuture::isDone),
                                    "a render ran without a decode slot");
                            return millis;
                        }));
        assertTrue(readMillis < 2000, "a read waited " + readMillis + " ms behind " + n + " waiting renders");
        for (CompletableFuture<HttpResponse<Void>> render : renders) {
            assertEquals(200, render.get(40, TimeUnit.SECONDS).statusCode());
        }
    }

    /**
     * A render not done within 30 s is given up: 503 with Retry-After. Two wait on the render threads for a decode slot;
     * the third waits in their queue, and is told at 30 s too, not after the two before it.
     */
    @Test
    void aRenderNotDoneWithinThirtySecondsIs503WithRetryAfter() throws Exception {
        String image = TestImages.uploaded(TestImages.picture(320, 240, "png"), "image/png");
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<HttpResponse<Void>> answers = renditions.decoding(
                1,
                () -> renditions.decoding(1, () -> {
                    List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
                    for (int w : List.of(160, 320)) {
                        for (String format : List.of("jpeg", "png")) {
                            sent.add(client.sendAsync(
                                    request(
                                                    "/api/v1/images/" + image + "/file?w=" + w + "&format=" + format,
                                                    Duration.ofSeconds(45))
                                            .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding()));
                        }
                    }
                    List<HttpResponse<Void>> got = new ArrayList<>();
                    for (CompletableFuture<HttpResponse<Void>> answer : sent) {
                        got.add(answer.join());
                    }
                    return got;
                }));
        for (HttpResponse<Void> answer : answers) {
            assertEquals(503, answer.statusCode(), answer.uri().toString());
            assertEquals("2", answer.headers().firstValue("Retry-After").orElse(null));
        }
    }

    private static List<String> sizes() {
        List<String> sizes = new ArrayList<>();
        for (String format : List.of("jpeg", "png")) {
            for (int w : List.of(160, 320, 640)) {
                sizes.add("w=" + w + "&format=" + format);
                for (int h : List.of(160, 320)) {
                    sizes.add("w=" + w + "&h=" + h + "&fit=cover&format=" + format);
                }
            }
        }
        return sizes;
    }

    private static HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .timeout(timeout);
    }

    private static HttpResponse<Void> send(HttpClient client, String path, Duration timeout) throws IOException {
        try {
            return client.send(request(path, timeout).build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
