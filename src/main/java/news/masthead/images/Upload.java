package news.masthead.images;

import news.masthead.kernel.errors.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * An uploaded file as checked by {@link Uploads}: its bytes, what they are, and what the server fills in; {@code size}
 * is the picture as shown, upright (see {@link Orientation}).
 */
record Upload(
        byte[] data,
        ImageFormat format,
        String filename,
        Pictures.Size size,
        String sha256,
        EmbeddedMetadata embedded) {

    /**
     * Reads at most {@code max} bytes, growing the buffer as they come: a body over the limit is refused as soon
     * as its byte {@code max + 1} arrives, without reading the rest.
     */
    static byte[] readBounded(InputStream in, long max) {
        try (in) {
            byte[] buf = new byte[64 * 1024];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > max) {
                        throw tooLarge(max);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, max + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n > max) {
                    throw tooLarge(max);
                }
            }
            return Arrays.copyOf(buf, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiException tooLarge(long max) {
        return new ApiException.TooLarge("The image is larger than " + max + " bytes (cms.images.max-bytes).");
    }
}
