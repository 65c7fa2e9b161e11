package news.masthead.common;

import news.masthead.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position: the sort value and id of the last item of a page, bound to the query it came
 * from (collection, sort and filters). A cursor from another query, or a tampered one, is a 400.
 */
public record Cursor(String scope, String value, UUID id) {

    private static final char SEP = '\n';

    public String encode() {
        String raw = scope + SEP + (value == null ? "" : "=" + value) + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token, String expectedScope) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            if (parts.length == 3 && parts[0].equals(expectedScope)) {
                String value = parts[1].isEmpty() ? null : parts[1].substring(1);
                return new Cursor(parts[0], value, UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field("cursor", "is not a cursor of this list; use the 'next' value of the previous page");
    }
}
