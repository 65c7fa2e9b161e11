package news.masthead.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.sql.IdList;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Images as the public outputs (feeds, ninjs) show them: the record's newsroom fields and links to JPEG renditions at
 * the image's version, every size taken from cms.images.widths (any other size is a 400): the standard rendition (feed
 * enclosures, JSON Feed image, body figures) is the largest configured width up to 1280, the banner the largest up to
 * 1920 by the configured height nearest a third of it, and ninjs lists every configured width the original reaches. No
 * visibility check: callers show them only for articles anonymous callers see, and an image such an article uses is
 * public.
 */
@ApplicationScoped
@Transactional
public class Published {

    /** The standard rendition's width when cms.images.widths has it; the largest one below it otherwise. */
    static final int STANDARD_WIDTH = 1280;
    /** The banner's width likewise; its height is a configured size near a third of it. */
    static final int BANNER_WIDTH = 1920;

    @Inject
    EntityManager em;

    @Inject
    Renditions renditions;

    @Inject
    CmsConfig cms;

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
        List<Integer> widths = cms.images().widths().stream().sorted().toList();
        RenditionSpec standard = standard(widths);
        int bannerW = atMost(widths, BANNER_WIDTH);
        int bannerH = widths.stream()
                .filter(h -> h <= bannerW)
                .min(Comparator.comparingDouble(h -> Math.abs(h - bannerW / 3.0)))
                .orElse(bannerW);
        RenditionSpec banner = new RenditionSpec(bannerW, bannerH, true, "jpeg");
        IdList in = IdList.of("ids", ids);
        for (Image i : in.bind(em.createQuery("select i from Image i where i.id " + in.in(), Image.class))
                .getResultList()) {
            List<Rendition> listed = widths.stream()
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
                            jpeg(i, "standard", standard),
                            i.standardBytes,
                            jpeg(i, "banner", banner),
                            listed.isEmpty() ? List.of(jpeg(i, "standard", standard)) : listed));
        }
        return out;
    }

    /**
     * Renders the standard rendition of a new image and returns its byte length: done once, before the image is
     * stored, so that no feed read waits for a render (a render can wait for a decode slot). The rendition depends only
     * on the original (and on cms.images.widths, read at that moment), so the length holds for every later version.
     */
    long measureStandard(Image i, byte[] original) {
        RenditionSpec standard =
                standard(cms.images().widths().stream().sorted().toList());
        RenditionSpec.Plan plan = standard.plan(i.width, i.height, i.focalX, i.focalY, standard.w());
        Renditions.Original source = new Renditions.Original(
                ImageFormat.ofMediaType(i.contentType).orElseThrow(), i.width, i.height, i.orientation);
        return renditions.length(standard, source, plan, original);
    }

    private static RenditionSpec standard(List<Integer> sortedWidths) {
        return new RenditionSpec(atMost(sortedWidths, STANDARD_WIDTH), null, false, "jpeg");
    }

    /** The largest of {@code sortedWidths} up to {@code limit}, else the smallest. */
    private static int atMost(List<Integer> sortedWidths, int limit) {
        return sortedWidths.stream().filter(w -> w <= limit).reduce((a, b) -> b).orElse(sortedWidths.get(0));
    }

    private static Rendition jpeg(Image i, String name, RenditionSpec spec) {
        RenditionSpec.Plan plan = spec.plan(i.width, i.height, i.focalX, i.focalY, spec.w());
        String query = spec.cover() ? "w=" + spec.w() + "&h=" + spec.h() + "&fit=cover" : "w=" + spec.w();
        return new Rendition(
                name,
                "api/v1/images/" + i.id + "/file?" + query + "&format=jpeg&v=" + i.version,
                "image/jpeg",
                plan.width(),
                plan.height());
    }
}
