package news.masthead.changes;

import news.masthead.kernel.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A position in the change feed: the seq of the last change seen, as an opaque token. */
public final class ChangeCursor {

    private static final String PREFIX = "changes:";

    private ChangeCursor() {}

    public static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq of {@code token}; 0 (the beginning) when absent. */
    public static long decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                long seq = Long.parseLong(raw.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field(
                "after", "is not a change-feed cursor; use the 'next' value of a previous answer");
    }
}
