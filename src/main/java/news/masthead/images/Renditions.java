package news.masthead.images;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Renders renditions and keeps the encoded bytes in a bounded LRU cache keyed by image id, version and parameters
 * (a new version is a new key, so nothing needs invalidating; old keys age out). Memory stays bounded however many
 * cold requests arrive: a render waits for one of cms.images.concurrent-decodes permits, and for its share of a budget
 * of {@link #DECODE_PIXELS} decoded pixels, before it even loads the original; it decodes subsampled, to at most twice
 * the target size in each direction and never more than that budget (see {@link Pictures}); and requests for the same
 * key share one render. So two renders of a few megapixels run side by side, and a 2560-px cover crop runs alone.
 */
@ApplicationScoped
class Renditions {

    /** How long a render waits for a decode permit before the caller is told to come back (503). */
    private static final long WAIT_SECONDS = 30;
    /**
     * Decoded pixels in memory at once, over all renders (8 Mpx, 32 MB at 4 bytes a pixel): with the original's bytes,
     * the scaled copies and the output, about 60 MB of heap for renders, whatever the originals' sizes. Only the largest
     * renditions (e.g. a 2560-px square from a region of more than 2896 px square) are then decoded under size and
     * scaled up a little.
     */
    static final int DECODE_PIXELS = 8 << 20;
    /** Pixels are counted in blocks of this many (a semaphore counts in ints). */
    private static final int BLOCK = 1024;

    @Inject
    CmsConfig cms;

    private Semaphore permits;
    private ExecutorService renderers;
    private ScheduledExecutorService timer;
    private final Semaphore pixels = new Semaphore(DECODE_PIXELS / BLOCK, true);
    private final LinkedHashMap<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private long cachedBytes;

    /** The original a rendition is made from: its type, its size as shown (upright) and its EXIF orientation. */
    record Original(ImageFormat format, int width, int height, int orientation) {}

    interface Decode<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding a decode permit and {@code decodedPixels} of the pixel budget. */
    <T> T decoding(long decodedPixels, Decode<T> work) throws IOException {
        Semaphore s = permits();
        int blocks = (int) Math.min(DECODE_PIXELS / BLOCK, Math.max(1, decodedPixels / BLOCK));
        acquire(s, 1);
        try {
            acquire(pixels, blocks);
            try {
                return work.run();
            } finally {
                pixels.release(blocks);
            }
        } finally {
            s.release();
        }
    }

    private static void acquire(Semaphore s, int n) {
        acquire(s, n, BUSY);
    }

    private static final String BUSY = "Too many images are being rendered; retry shortly.";

    /** Takes {@code n} permits, waiting up to 30 s; then 503 with {@code busy} and Retry-After. */
    static void acquire(Semaphore s, int n, String busy) {
        try {
            if (!s.tryAcquire(n, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiException.Unavailable(busy, 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("Interrupted while waiting to render.", 1);
        }
    }

    /**
     * The encoded rendition: cached, or rendered from the original that {@code original} loads (null: gone, 404). A
     * render runs on one of cms.images.concurrent-decodes threads of its own, never on the request's: a storm of cold
     * renders waits in their queue while the worker threads go on answering reads. Not rendered within 30 s: 503.
     */
    CompletableFuture<byte[]> get(
            UUID id,
            int version,
            RenditionSpec spec,
            Original source,
            RenditionSpec.Plan plan,
            Supplier<byte[]> original) {
        String key = id + "|" + version + "|" + plan.region() + "|" + plan.width() + "x" + plan.height() + "|"
                + spec.formatFor(source.format());
        byte[] hit = cached(key);
        if (hit != null) {
            return CompletableFuture.completedFuture(hit);
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        ScheduledFuture<?> giveUp = timer().schedule(
                        () -> mine.completeExceptionally(new ApiException.Unavailable(BUSY, 2)),
                        WAIT_SECONDS,
                        TimeUnit.SECONDS);
        mine.whenComplete((bytes, failure) -> {
            inFlight.remove(key, mine);
            giveUp.cancel(false); // a pending give-up would hold the rendered bytes for 30 s
        });
        renderers().execute(() -> {
            if (mine.isDone()) {
                return; // given up while it waited
            }
            try {
                byte[] out = render(spec, source, plan, original);
                put(key, out);
                mine.complete(out);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
        });
        return mine;
    }

    /** The byte length of a rendition, rendered under the decode limit but not cached: its record has no id yet. */
    long length(RenditionSpec spec, Original source, RenditionSpec.Plan plan, byte[] original) {
        return render(spec, source, plan, () -> original).length;
    }

    /**
     * Decodes the stored pixels under the plan's region (the plan speaks of the upright picture), scales them in the
     * stored orientation, then turns the small result upright.
     */
    private byte[] render(RenditionSpec spec, Original source, RenditionSpec.Plan plan, Supplier<byte[]> original) {
        int o = source.orientation();
        boolean swaps = Orientation.swaps(o);
        Rectangle region = Orientation.toStored(
                o, plan.region(), swaps ? source.height() : source.width(), swaps ? source.width() : source.height());
        int outW = swaps ? plan.height() : plan.width();
        int outH = swaps ? plan.width() : plan.height();
        int step = step(region, outW, outH);
        long decoded = (long) ceilDiv(region.width, step) * ceilDiv(region.height, step);
        try {
            return decoding(decoded, () -> {
                byte[] data = original.get(); // loaded under the permit: 64 waiting requests do not hold 64 originals
                if (data == null) {
                    throw new ApiException.NotFound("The image was deleted.");
                }
                BufferedImage pixels = Pictures.decode(data, source.format(), region, step);
                String fmt = spec.formatFor(source.format());
                boolean alpha = fmt.equals("png") && pixels.getColorModel().hasAlpha();
                return Pictures.encode(Orientation.upright(o, Pictures.scale(pixels, outW, outH, alpha)), fmt);
            });
        } catch (IOException e) {
            throw new IllegalStateException(
                    "A stored original of type " + source.format().mediaType + " no longer decodes", e);
        }
    }

    /**
     * Reads every step-th pixel: at least the target size and at most twice it in each direction (the halving steps
     * smooth the rest), and never more than {@link #DECODE_PIXELS} (then a little under the target, scaled up).
     */
    static int step(Rectangle region, int outW, int outH) {
        double ratio = Math.min(region.getWidth() / outW, region.getHeight() / outH);
        int step = Math.max(1, (int) Math.ceil(ratio / 2));
        while ((long) ceilDiv(region.width, step) * ceilDiv(region.height, step) > DECODE_PIXELS) {
            step++;
        }
        return step;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
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

    private synchronized ExecutorService renderers() {
        if (renderers == null) {
            renderers = Executors.newFixedThreadPool(
                    Math.max(1, cms.images().concurrentDecodes()), daemons("image-render-"));
        }
        return renderers;
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemons("image-render-timer-"));
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
        return timer;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    synchronized void stop() {
        if (renderers != null) {
            renderers.shutdownNow();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private synchronized Semaphore permits() {
        if (permits == null) {
            permits = new Semaphore(Math.max(1, cms.images().concurrentDecodes()), true);
        }
        return permits;
    }
}
