package news.masthead.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Renders renditions and keeps the encoded bytes in a bounded LRU cache keyed by image id, version and parameters
 * (a new version is a new key, so nothing needs invalidating; old keys age out). Memory stays bounded however many
 * cold requests arrive: a render waits for one of cms.images.concurrent-decodes permits before it even loads the
 * original, decodes subsampled (see {@link Pictures}), and requests for the same key share one render.
 */
@ApplicationScoped
class Renditions {

    /** How long a render waits for a decode permit before the caller is told to come back (503). */
    private static final long WAIT_SECONDS = 30;

    @Inject
    CmsConfig cms;

    private Semaphore permits;
    private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private long cachedBytes;

    interface Decode<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding a decode permit. */
    <T> T decoding(Decode<T> work) throws IOException {
        Semaphore s = permits();
        try {
            if (!s.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiException.Unavailable("Too many images are being rendered; retry shortly.", 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("Interrupted while waiting to render.", 1);
        }
        try {
            return work.run();
        } finally {
            s.release();
        }
    }

    /** The encoded rendition: cached, or rendered from the original that {@code original} loads (null: gone, 404). */
    byte[] get(
            UUID id,
            int version,
            RenditionSpec spec,
            ImageFormat format,
            RenditionSpec.Plan plan,
            Supplier<byte[]> original) {
        String key = id + "|" + version + "|" + plan.region() + "|" + plan.width() + "x" + plan.height() + "|"
                + spec.formatFor(format);
        byte[] hit = cached(key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            byte[] out = render(spec, format, plan, original);
            put(key, out);
            mine.complete(out);
            return out;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** The byte length of a rendition, rendered under the decode limit but not cached: its record has no id yet. */
    long length(RenditionSpec spec, ImageFormat format, RenditionSpec.Plan plan, byte[] original) {
        return render(spec, format, plan, () -> original).length;
    }

    private byte[] render(RenditionSpec spec, ImageFormat format, RenditionSpec.Plan plan, Supplier<byte[]> original) {
        try {
            return decoding(() -> {
                byte[] data = original.get(); // loaded under the permit: 64 waiting requests do not hold 64 originals
                if (data == null) {
                    throw new ApiException.NotFound("The image was deleted.");
                }
                // Read every step-th pixel while that still leaves at least twice the target: the halving steps smooth
                // the rest.
                double ratio = Math.min(
                        plan.region().getWidth() / plan.width(), plan.region().getHeight() / plan.height());
                int step = Math.max(1, (int) ratio / 2);
                BufferedImage decoded = Pictures.decode(data, format, plan.region(), step);
                String fmt = spec.formatFor(format);
                boolean alpha = fmt.equals("png") && decoded.getColorModel().hasAlpha();
                return Pictures.encode(Pictures.scale(decoded, plan.width(), plan.height(), alpha), fmt);
            });
        } catch (IOException e) {
            throw new IllegalStateException("A stored original of type " + format.mediaType + " no longer decodes", e);
        }
    }

    private synchronized byte[] cached(String key) {
        return cache.get(key);
    }

    private synchronized void put(String key, byte[] value) {
        if (value.length > cms.images().cacheBytes() / 8) {
            return;
        }
        byte[] old = cache.put(key, value);
        cachedBytes += value.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<String, byte[]>> it = cache.entrySet().iterator();
                cachedBytes > cms.images().cacheBytes() && it.hasNext(); ) {
            cachedBytes -= it.next().getValue().length;
            it.remove();
        }
    }

    private synchronized Semaphore permits() {
        if (permits == null) {
            permits = new Semaphore(Math.max(1, cms.images().concurrentDecodes()), true);
        }
        return permits;
    }
}
