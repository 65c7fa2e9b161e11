package news.masthead.images;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.masthead.Api;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    private static int upload(byte[] jpeg) {
        return Api.editor()
                .contentType("image/jpeg")
                .body(jpeg)
                .post("/api/v1/images")
                .statusCode();
    }
}
