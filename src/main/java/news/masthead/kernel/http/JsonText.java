package news.masthead.kernel.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * A response body that is already JSON (built by PostgreSQL on the hot read paths): written as it
 * is, never parsed or re-serialised. Its weak ETag is computed once, as a cached body is sent many times.
 */
public final class JsonText {

    private final byte[] bytes;
    private String etag; // a racy single-check: two threads may both compute the same string
    private Scan scan; // likewise

    private record Scan(String kind, Set<String> keys) {}

    public JsonText(byte[] bytes) {
        this.bytes = bytes;
    }

    public static JsonText of(String json) {
        return new JsonText(json.getBytes(StandardCharsets.UTF_8));
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
