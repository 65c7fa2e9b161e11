package news.masthead.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Checks an upload before anything is stored: the declared type must be one we take and match the file's first
 * bytes (415 otherwise), the header must give a size within cms.images.max-pixels and the whole picture must
 * decode (400 otherwise). Runs outside any transaction: no connection is held while a file arrives or decodes.
 */
@ApplicationScoped
class Uploads {

    @Inject
    CmsConfig cms;

    @Inject
    Renditions renditions;

    private static final String BUSY = "Too many images are being uploaded; retry shortly.";

    private Semaphore admitted;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * Runs {@code work} (reading an upload whole, checking and storing it) while at most cms.images.concurrent-decodes
     * uploads are held in memory at once: each may be max-bytes, and the heap is bounded. As many others wait, their
     * bytes held back by the network, up to 30 s (then 503); any more get 503 at once, since each waiting upload holds
     * a worker thread that reads need.
     */
    <T> T admitted(Supplier<T> work) {
        Semaphore s = permits();
        if (!freePermit(s)) {
            if (waiting.incrementAndGet() > cms.images().concurrentDecodes()) {
                waiting.decrementAndGet();
                throw new ApiException.Unavailable(BUSY, 2);
            }
            try {
                Renditions.acquire(s, 1, BUSY);
            } finally {
                waiting.decrementAndGet();
            }
        }
        try {
            return work.get();
        } finally {
            s.release();
        }
    }

    /** A permit if one is free and no upload waits for it (a plain tryAcquire would go ahead of those waiting). */
    private static boolean freePermit(Semaphore s) {
        try {
            return s.tryAcquire(0, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("Interrupted while waiting to upload.", 1);
        }
    }

    private synchronized Semaphore permits() {
        if (admitted == null) {
            admitted = new Semaphore(Math.max(1, cms.images().concurrentDecodes()), true);
        }
        return admitted;
    }

    Upload inspect(InputStream body, String declaredType, String filename) {
        ImageFormat declared = ImageFormat.ofMediaType(declaredType == null ? "" : declaredType.split(";")[0].trim())
                .orElseThrow(() -> new ApiException.UnsupportedType("Content type '" + declaredType
                        + "' is not an image type we take: image/jpeg, image/png, image/webp, image/gif."));
        byte[] data = Upload.readBounded(body, cms.images().maxBytes());
        ImageFormat actual = ImageFormat.sniff(data, data.length)
                .orElseThrow(() -> new ApiException.UnsupportedType(
                        "The file is not a JPEG, PNG, WebP or GIF image (its first bytes say otherwise)."));
        if (actual != declared) {
            throw new ApiException.UnsupportedType(
                    "Declared " + declared.mediaType + " but the file is " + actual.mediaType + ".");
        }
        Pictures.Size size;
        try {
            size = Pictures.size(data, actual);
            if (size.width() <= 0
                    || size.height() <= 0
                    || (long) size.width() * size.height() > cms.images().maxPixels()) {
                throw ApiException.InvalidRequest.field(
                        "file",
                        "the picture is " + size.width() + " × " + size.height() + " pixels; at most "
                                + cms.images().maxPixels() + " pixels are accepted");
            }
            renditions.decoding(Pictures.VERIFY_PIXELS, () -> {
                Pictures.verify(data, actual, size);
                return null;
            });
        } catch (IOException e) {
            throw ApiException.InvalidRequest.field(
                    "file", "the file does not decode as " + actual.mediaType + ": " + e.getMessage());
        }
        EmbeddedMetadata embedded = EmbeddedMetadata.read(data);
        // A camera's portrait photo is stored sideways: the record gives the size it is shown at.
        Pictures.Size shown =
                Orientation.swaps(embedded.orientation()) ? new Pictures.Size(size.height(), size.width()) : size;
        return new Upload(data, actual, clean(filename), shown, sha256(data), embedded);
    }

    /** The last path segment, without control characters, at most 255 characters; null when nothing is left. */
    private static String clean(String filename) {
        if (filename == null) {
            return null;
        }
        String name = filename.replaceAll("^.*[/\\\\]", "")
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        return name.isEmpty() ? null : name.substring(0, Math.min(255, name.length()));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
