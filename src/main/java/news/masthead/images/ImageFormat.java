package news.masthead.images;

import java.util.Arrays;
import java.util.Optional;

/** The types an upload may have, told apart by their first bytes (the declared type must agree). */
enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    final String mediaType;
    /** The ImageIO format name. */
    final String ioName;

    ImageFormat(String mediaType, String ioName) {
        this.mediaType = mediaType;
        this.ioName = ioName;
    }

    static Optional<ImageFormat> ofMediaType(String mediaType) {
        return Arrays.stream(values())
                .filter(f -> f.mediaType.equalsIgnoreCase(mediaType))
                .findFirst();
    }

    /** The format these leading bytes are, if any: FF D8 FF, the PNG signature, GIF87a/GIF89a, RIFF....WEBP. */
    static Optional<ImageFormat> sniff(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (length >= 8 && starts(b, new int[] {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0)) {
            return Optional.of(PNG);
        }
        if (length >= 6
                && (starts(b, "GIF87a".chars().toArray(), 0)
                        || starts(b, "GIF89a".chars().toArray(), 0))) {
            return Optional.of(GIF);
        }
        if (length >= 12
                && starts(b, "RIFF".chars().toArray(), 0)
                && starts(b, "WEBP".chars().toArray(), 8)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int[] magic, int at) {
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
