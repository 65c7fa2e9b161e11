package news.masthead.kernel.paging;

/** The page a list is asked for (see {@code ListParams} for how its query parameters are parsed). */
public record PageRequest(int limit, String cursor, boolean withTotal) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** The same page without its total, for a caller that finds the total another way. */
    public PageRequest withoutTotal() {
        return new PageRequest(limit, cursor, false);
    }
}
