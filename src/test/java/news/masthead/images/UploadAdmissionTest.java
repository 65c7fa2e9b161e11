package news.masthead.images;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UploadAdmissionTest {

    @Inject
    Uploads uploads;

    /** Each upload is held whole in memory, so only cms.images.concurrent-decodes (2) are read at once. */
    @Test
    void anUploadWaitsWhileAsManyAsAllowedAreInMemory() throws Exception {
        byte[] jpeg = TestImages.picture(64, 48, "jpeg");
        assertEquals(201, upload(jpeg)); // warm: the token minted, the image readers loaded
        CompletableFuture<Integer> status = uploads.admitted(() -> uploads.admitted(() -> {
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> upload(jpeg));
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertFalse(waiting.isDone(), "an upload was read while two others held the memory");
            return waiting;
        }));
        assertEquals(201, status.get(20, TimeUnit.SECONDS));
    }

    /**
     * While two uploads are in memory and two more wait (each holding a worker thread), a fifth is turned away at once
     * with 503 and Retry-After; the waiting ones go on once memory is free.
     */
    @Test
    void uploadsBeyondThoseWaitingAreTurnedAwayAtOnce() throws Exception {
        byte[] jpeg = TestImages.picture(64, 48, "jpeg");
        assertEquals(201, upload(jpeg));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Integer>> waiting = uploads.admitted(() -> uploads.admitted(() -> {
            List<CompletableFuture<Integer>> queued = List.of(
                    CompletableFuture.supplyAsync(() -> upload(jpeg), clients),
                    CompletableFuture.supplyAsync(() -> upload(jpeg), clients));
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long start = System.nanoTime();
            Api.editor()
                    .contentType("image/jpeg")
                    .body(jpeg)
                    .post("/api/v1/images")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "2");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 10_000, "the fifth upload was answered after " + millis + " ms");
            queued.forEach(q -> assertFalse(q.isDone(), "an upload was read while two others held the memory"));
            return queued;
        }));
        for (CompletableFuture<Integer> q : waiting) {
            assertEquals(201, q.get(20, TimeUnit.SECONDS));
        }
        clients.shutdown();
    }

    private static int upload(byte[] jpeg) {
        return Api.editor()
                .contentType("image/jpeg")
                .body(jpeg)
                .post("/api/v1/images")
                .statusCode();
    }
}
