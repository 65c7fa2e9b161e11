package news.masthead.images;

import news.masthead.kernel.errors.ApiException;

import java.awt.Rectangle;
import java.util.List;
import java.util.Locale;

/**
 * What a rendition request asks for, checked: widths and heights only from cms.images.widths, fit contain or
 * cover, format jpeg or png. WebP cannot be written: no pure-Java encoder resolves, and the native ones bundle
 * platform binaries, so {@code format=webp} is a 400 (the spec says so).
 */
record RenditionSpec(Integer w, Integer h, boolean cover, String format) {

    /** The part of the original to read and the size to scale it to. */
    record Plan(Rectangle region, int width, int height) {}

    static RenditionSpec parse(String w, String h, String fit, String format, List<Integer> widths) {
        Integer width = size("w", w, widths);
        Integer height = size("h", h, widths);
        boolean cover = false;
        if (fit != null && !fit.isBlank()) {
            switch (fit.trim().toLowerCase(Locale.ROOT)) {
                case "cover" -> cover = true;
                case "contain" -> cover = false;
                default -> throw ApiException.InvalidRequest.field("fit", "must be cover or contain");
            }
        }
        String fmt = null;
        if (format != null && !format.isBlank()) {
            fmt = switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "jpeg", "jpg" -> "jpeg";
                case "png" -> "png";
                case "webp" ->
                    throw ApiException.InvalidRequest.field(
                            "format",
                            "WebP renditions are not available (no pure-Java WebP encoder); ask for jpeg or png");
                default -> throw ApiException.InvalidRequest.field("format", "must be jpeg, png or webp");
            };
        }
        return new RenditionSpec(width, height, cover && width != null && height != null, fmt);
    }

    private static Integer size(String name, String value, List<Integer> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (allowed.contains(n)) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // the 400 below
        }
        throw ApiException.InvalidRequest.field(name, "must be one of " + allowed);
    }

    /** The output format: as asked, else the original's (GIF and WebP give PNG when they may be transparent, WebP else JPEG). */
    String formatFor(ImageFormat original) {
        if (format != null) {
            return format;
        }
        return switch (original) {
            case JPEG -> "jpeg";
            case PNG, GIF, WEBP -> "png";
        };
    }

    /**
     * Never larger than the original unless a cover crop asks for an exact size; without w and h, the original's size
     * up to the largest allowed width.
     */
    Plan plan(int srcW, int srcH, double focalX, double focalY, int largest) {
        if (cover) {
            double aspect = (double) w / h;
            int cropW = srcW;
            int cropH = (int) Math.round(srcW / aspect);
            if (cropH > srcH) {
                cropH = srcH;
                cropW = Math.max(1, (int) Math.round(srcH * aspect));
            }
            int x = clamp((int) Math.round(focalX * srcW - cropW / 2.0), 0, srcW - cropW);
            int y = clamp((int) Math.round(focalY * srcH - cropH / 2.0), 0, srcH - cropH);
            return new Plan(new Rectangle(x, y, cropW, cropH), w, h);
        }
        double scale;
        if (w != null && h != null) {
            scale = Math.min((double) w / srcW, (double) h / srcH);
        } else if (w != null) {
            scale = (double) w / srcW;
        } else if (h != null) {
            scale = (double) h / srcH;
        } else {
            scale = (double) largest / srcW;
        }
        scale = Math.min(1, scale);
        return new Plan(new Rectangle(0, 0, srcW, srcH), Math.max(1, (int) Math.round(srcW * scale)), Math.max(1, (int)
                Math.round(srcH * scale)));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
