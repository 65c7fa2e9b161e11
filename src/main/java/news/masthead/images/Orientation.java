package news.masthead.images;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The EXIF Orientation tag: how the stored pixels must be turned to be shown upright (1 as stored, 2 mirrored, 3 turned
 * 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise, 7 transversed, 8 turned 90° anticlockwise). Cameras store a
 * portrait photo sideways and set 6 or 8; a rendition carries no EXIF, so its pixels must be upright themselves.
 */
final class Orientation {

    private Orientation() {}

    /** A valid tag value, 1 for anything else. */
    static int of(Integer tag) {
        return tag != null && tag >= 1 && tag <= 8 ? tag : 1;
    }

    /** Whether width and height trade places (5-8). */
    static boolean swaps(int o) {
        return o >= 5;
    }

    /**
     * The stored pixels that {@code shown}, a rectangle of the upright picture, comes from; {@code storedW} ×
     * {@code storedH} is the stored size.
     */
    static Rectangle toStored(int o, Rectangle shown, int storedW, int storedH) {
        int x = shown.x, y = shown.y, w = shown.width, h = shown.height;
        return switch (o) {
            case 2 -> new Rectangle(storedW - x - w, y, w, h);
            case 3 -> new Rectangle(storedW - x - w, storedH - y - h, w, h);
            case 4 -> new Rectangle(x, storedH - y - h, w, h);
            case 5 -> new Rectangle(y, x, h, w);
            case 6 -> new Rectangle(y, storedH - x - w, h, w);
            case 7 -> new Rectangle(storedW - y - h, storedH - x - w, h, w);
            case 8 -> new Rectangle(storedW - y - h, x, h, w);
            default -> shown;
        };
    }

    /** {@code img} (pixels in the stored orientation) turned upright: an exact copy, no interpolation. */
    static BufferedImage upright(int o, BufferedImage img) {
        if (o == 1) {
            return img;
        }
        double w = img.getWidth(), h = img.getHeight();
        // Maps a stored pixel position to its upright one: new AffineTransform(m00, m10, m01, m11, m02, m12).
        AffineTransform t = switch (o) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8
        };
        BufferedImage out = swaps(o)
                ? new BufferedImage(img.getHeight(), img.getWidth(), img.getType())
                : new BufferedImage(img.getWidth(), img.getHeight(), img.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(img, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
