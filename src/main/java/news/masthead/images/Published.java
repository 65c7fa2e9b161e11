package news.masthead.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Images as the public outputs (feeds, ninjs) show them: the record's newsroom fields and links to standard JPEG
 * renditions at the image's version. No visibility check: callers show them only for articles anonymous callers see,
 * and an image such an article uses is public.
 */
@ApplicationScoped
@Transactional
public class Published {

    /** The standard rendition a feed enclosure points at. */
    public static final int STANDARD_WIDTH = 1280;
    /** Widths listed in ninjs renditions (each only when the original is at least that wide). */
    static final List<Integer> LISTED = List.of(320, 640, 1280, 1920);

    private static final RenditionSpec STANDARD = new RenditionSpec(STANDARD_WIDTH, null, false, "jpeg");

    @Inject
    EntityManager em;

    @Inject
    Renditions renditions;

    /** One rendition: path (relative to the service root), size and type. */
    public record Rendition(String name, String path, String contentType, int width, int height) {}

    public record Picture(
            UUID id,
            int version,
            String alt,
            String caption,
            String credit,
            String copyright,
            Rendition standard,
            long standardBytes,
            Rendition banner,
            List<Rendition> renditions) {}

    /** The pictures of {@code ids} that still exist, in one statement. */
    public Map<UUID, Picture> of(Collection<UUID> ids) {
        Map<UUID, Picture> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Image i : em.createQuery("select i from Image i where i.id in :ids", Image.class)
                .setParameter("ids", ids)
                .getResultList()) {
            List<Rendition> listed = LISTED.stream()
                    .filter(w -> w <= i.width)
                    .map(w -> jpeg(i, "w" + w, new RenditionSpec(w, null, false, "jpeg")))
                    .toList();
            out.put(
                    i.id,
                    new Picture(
                            i.id,
                            i.version,
                            i.alt,
                            i.caption,
                            i.credit,
                            i.copyright,
                            jpeg(i, "standard", STANDARD),
                            i.standardBytes,
                            jpeg(i, "banner", new RenditionSpec(1920, 640, true, "jpeg")),
                            listed.isEmpty() ? List.of(jpeg(i, "standard", STANDARD)) : listed));
        }
        return out;
    }

    /**
     * Renders the standard rendition of a new image and returns its byte length: done once, before the image is
     * stored, so that no feed read waits for a render (a render can wait for a decode slot). The rendition depends only
     * on the original, so the length holds for every later version.
     */
    long measureStandard(Image i, byte[] original) {
        RenditionSpec.Plan plan = STANDARD.plan(i.width, i.height, i.focalX, i.focalY, STANDARD_WIDTH);
        return renditions.length(STANDARD, format(i), plan, original);
    }

    private static ImageFormat format(Image i) {
        return ImageFormat.ofMediaType(i.contentType).orElseThrow();
    }

    private static Rendition jpeg(Image i, String name, RenditionSpec spec) {
        RenditionSpec.Plan plan = spec.plan(i.width, i.height, i.focalX, i.focalY, STANDARD_WIDTH);
        String query = spec.cover() ? "w=" + spec.w() + "&h=" + spec.h() + "&fit=cover" : "w=" + spec.w();
        return new Rendition(
                name,
                "api/v1/images/" + i.id + "/file?" + query + "&format=jpeg&v=" + i.version,
                "image/jpeg",
                plan.width(),
                plan.height());
    }
}
