package news.masthead.kernel.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A response body that is already JSON (built by PostgreSQL on the hot read paths): written as it
 * is, never parsed or re-serialised. Its weak ETag is computed once, as a cached body is sent many times.
 */
public final class JsonText {

    private final byte[] bytes;
    private final boolean sparse;
    private String etag; // a racy single-check: two threads may both compute the same string
    private Scan scan; // likewise

    private record Scan(String kind, Set<String> keys) {}

    public JsonText(byte[] bytes) {
        this(bytes, false);
    }

    private JsonText(byte[] bytes, boolean sparse) {
        this.bytes = bytes;
        this.sparse = sparse;
    }

    /**
     * The same bytes, known to be the copy the request's {@code fields=} asks for already (rendered with only those
     * fields), so {@link FieldsetFilter} sends them as they are instead of parsing them to select the same fields.
     */
    public JsonText sparse() {
        return new JsonText(bytes, true);
    }

    public boolean isSparse() {
        return sparse;
    }

    /** JSON put together from pieces of UTF-8 (a database's texts), copied once into the body. */
    public static final class Builder {

        private final List<byte[]> parts = new ArrayList<>();
        private int length;

        public Builder add(byte[] part) {
            parts.add(part);
            length += part.length;
            return this;
        }

        public JsonText build() {
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return new JsonText(all);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    public String etag() {
        String t = etag;
        if (t == null) {
            etag = t = ETag.weak(bytes);
        }
        return t;
    }

    /** Its {@link SurrogateKeys} as a body of records of {@code kind} (or a list of them). */
    public Set<String> surrogateKeys(String kind) {
        Scan s = scan;
        if (s == null || !Objects.equals(kind, s.kind)) {
            scan = s = new Scan(kind, Collections.unmodifiableSet(SurrogateKeys.of(bytes, kind)));
        }
        return s.keys;
    }
}
