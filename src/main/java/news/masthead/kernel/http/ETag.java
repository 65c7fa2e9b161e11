package news.masthead.kernel.http;

import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The one way an ETag is made. Its opaque part is either
 * <ul>
 * <li>a record's version, {@code "7"}: strong, as the version moves with every change of the record; a copy
 * that also depends on something the version does not capture (a related article it hides) adds a variant,
 * {@code "7-h"}, so that it never matches the version's own copy;</li>
 * <li>or, for a document rendered from many rows (a list page, a feed, another representation of a record), a
 * digest of its bytes: their length and a 64-bit checksum in hex, {@code W/"1f4-9a0c…"}, weak unless the
 * document is served as a record's own representation, then strong and prefixed with its name, {@code "ninjs-1f4-9a0c…"}.</li>
 * </ul>
 * Every validator is compared by {@link Conditional}.
 */
public final class ETag {

    private ETag() {}

    /** A record's own copy. */
    public static String version(long version) {
        return "\"" + version + "\"";
    }

    /** A copy of a record that differs from its own copy for a reason named by {@code variant}. */
    public static String version(long version, String variant) {
        return "\"" + version + "-" + variant + "\"";
    }

    /** A copy that differs from the one tagged {@code etag} (a version tag, itself perhaps a variant) by {@code variant}. */
    public static String variant(String etag, String variant) {
        return etag.substring(0, etag.length() - 1) + "-" + variant + "\"";
    }

    /** A rendered document, e.g. a list page or a feed. */
    public static String weak(byte[] body) {
        return "W/\"" + digest(body) + "\"";
    }

    /** Another representation of a record, named {@code representation}: a byte-exact validator. */
    public static String strong(String representation, byte[] body) {
        return "\"" + representation + "-" + digest(body) + "\"";
    }

    /**
     * Two hardware-accelerated checksums with different polynomials, and the length: a validator only has to
     * tell successive versions of one URL's body apart, and SHA-256 over every list page cost more CPU than
     * building the page.
     */
    private static String digest(byte[] body) {
        CRC32C c = new CRC32C();
        c.update(body);
        CRC32 d = new CRC32();
        d.update(body);
        return Integer.toHexString(body.length) + "-" + Long.toHexString(c.getValue() << 32 | d.getValue());
    }
}
