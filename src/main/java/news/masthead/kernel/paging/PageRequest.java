package news.masthead.kernel.paging;

import news.masthead.kernel.errors.ApiException;

/**
 * The paging query parameters every list accepts, parsed strictly: a bad value is a 400, never a
 * silent default.
 */
public record PageRequest(int limit, String cursor, boolean withTotal) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String cursor, String total) {
        return new PageRequest(parseLimit(limit), cursor == null || cursor.isEmpty() ? null : cursor, parseTotal(total));
    }

    /** The same page without its total, for a caller that finds the total another way. */
    public PageRequest withoutTotal() {
        return new PageRequest(limit, cursor, false);
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    private static boolean parseTotal(String total) {
        if (total == null || total.equals("true")) {
            return true;
        }
        if (total.equals("false")) {
            return false;
        }
        throw ApiException.InvalidRequest.field("total", "must be true or false");
    }
}
