package news.masthead.images;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Decoding, scaling and encoding with Java2D and ImageIO (TwelveMonkeys' JPEG and WebP readers on the class path).
 * Decoding reads only the region needed, subsampled to at most twice the target size, so a 6000 × 4000 photo
 * never becomes 96 MB of pixels for a 640-px rendition; downscaling then halves in steps with bicubic
 * interpolation (one big bilinear step aliases). Encoding writes pixels only: no EXIF, XMP or IPTC block.
 */
final class Pictures {

    /** Width and height from the header only. */
    record Size(int width, int height) {}

    private Pictures() {}

    static Size size(byte[] data, ImageFormat format) throws IOException {
        return withReader(data, format, r -> new Size(r.getWidth(0), r.getHeight(0)));
    }

    /** Pixels {@link #verify} decodes at most. */
    static final long VERIFY_PIXELS = 128 * 128;

    /** Decodes the whole picture at low resolution: whether the file decodes at all. */
    static void verify(byte[] data, ImageFormat format, Size size) throws IOException {
        int step = Math.max(1, Math.max(size.width(), size.height()) / 64);
        decode(data, format, new Rectangle(0, 0, size.width(), size.height()), step);
    }

    /** The region {@code region} of the picture, read every {@code step}-th pixel in each direction. */
    static BufferedImage decode(byte[] data, ImageFormat format, Rectangle region, int step) throws IOException {
        return withReader(data, format, r -> {
            ImageReadParam p = r.getDefaultReadParam();
            p.setSourceRegion(region);
            p.setSourceSubsampling(step, step, 0, 0);
            return r.read(0, p);
        });
    }

    /**
     * {@code src} scaled to exactly {@code w} × {@code h}: halving steps while more than twice too large, then one bicubic
     * step. The decoded picture is drawn from as it is (no converted copy of its full size): each step writes the output
     * type at a quarter of the pixels or fewer.
     */
    static BufferedImage scale(BufferedImage src, int w, int h, boolean alpha) {
        BufferedImage current = src;
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        return current.getType() == type && current.getWidth() == w && current.getHeight() == h
                ? current
                : draw(current, w, h, type);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h, int type) {
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(java.awt.Color.WHITE); // transparent areas of a PNG or GIF become white in a JPEG
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** JPEG (quality 0.85, baseline) or PNG, with no metadata at all. */
    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
            ImageWriter w = writers.next();
            // Straight into memory: ImageIO.createImageOutputStream would spool through a temporary file.
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                w.setOutput(ios);
                ImageWriteParam p = w.getDefaultWriteParam();
                if (format.equals("jpeg")) {
                    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    p.setCompressionQuality(0.85f);
                    // Baseline: a progressive encoder holds every DCT coefficient of the picture in native memory
                    // (about 20 MB for 2560 × 2560) until it ends, outside the heap and its limit.
                    p.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
                }
                w.write(null, new IIOImage(img, null, null), p);
            } finally {
                w.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface ReaderWork<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(byte[] data, ImageFormat format, ReaderWork<T> work) throws IOException {
        // Reads the array in place: ImageIO.createImageInputStream would copy it to a temporary file or to memory
        // first.
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.ioName);
            if (!readers.hasNext()) {
                throw new IOException("No reader for " + format.mediaType);
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true); // ignore metadata: it is not needed for pixels
                return work.apply(r);
            } catch (RuntimeException e) { // readers signal some corrupt files with runtime exceptions
                throw new IOException(e.getMessage(), e);
            } finally {
                r.dispose();
            }
        }
    }
}
