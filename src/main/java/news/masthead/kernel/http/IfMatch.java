package news.masthead.kernel.http;

import jakarta.ws.rs.core.HttpHeaders;

/** A write's If-Match header, carried from the resource to the row the write has locked (see {@code Writes}). */
public record IfMatch(String header) {

    /** No If-Match: the write goes ahead whatever the version (a server-side write, such as the demo content's). */
    public static final IfMatch NONE = new IfMatch(null);

    public static IfMatch of(HttpHeaders headers) {
        return new IfMatch(headers.getHeaderString(HttpHeaders.IF_MATCH));
    }

    /** 412 unless the header is absent, says "*" or names this version's ETag. */
    public void require(long version) {
        Conditional.requireMatch(header, ETag.version(version));
    }
}
