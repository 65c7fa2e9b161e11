package news.masthead.kernel.paging;

import news.masthead.kernel.errors.ApiException;

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

    /** The cursor {@code token} of the list {@code expectedScope}, whose sort values are of {@code type}. */
    public static Cursor decode(String token, String expectedScope, SortSpec.ValueType type) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            // The value sits between the first and the last separator: it may itself contain line breaks.
            int first = raw.indexOf(SEP);
            int last = raw.lastIndexOf(SEP);
            if (first >= 0 && last > first && raw.substring(0, first).equals(expectedScope)) {
                String value = raw.substring(first + 1, last);
                if (value.isEmpty() || value.charAt(0) == '=' && type.accepts(value.substring(1))) {
                    return new Cursor(
                            expectedScope,
                            value.isEmpty() ? null : value.substring(1),
                            UUID.fromString(raw.substring(last + 1)));
                }
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field(
                "cursor", "is not a cursor of this list; use the 'next' value of the previous page");
    }
}
