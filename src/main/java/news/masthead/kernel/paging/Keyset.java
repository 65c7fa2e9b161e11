package news.masthead.kernel.paging;

import java.util.Map;

/**
 * SQL for keyset pagination on (sort expression, id), nulls last in either direction. The
 * condition continues strictly after the cursor's row, so a walk stays stable while rows come and go.
 */
final class Keyset {

    private Keyset() {}

    static String orderBy(SortSpec sort) {
        return orderBy(sort, sort.field().sql(), "e.id");
    }

    /** The order by {@code value}, an expression or an output column holding the sort's value, then by {@code id}. */
    static String orderBy(SortSpec sort, String value, String id) {
        String dir = sort.descending() ? " desc" : " asc";
        return " order by " + value + dir + (sort.field().nullable() ? " nulls last" : "") + ", " + id + dir;
    }

    /** The cursor value as text that casts back to exactly the same value. */
    static String cursorValue(SortSpec sort) {
        return cursorValue(sort, sort.field().sql());
    }

    /** As {@link #cursorValue(SortSpec)}, of {@code sql}, an expression or a column holding the sort's value. */
    static String cursorValue(SortSpec sort, String sql) {
        return switch (sort.field().type()) {
            case INSTANT -> "to_char((" + sql + ") at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
            case TEXT -> "(" + sql + ")";
            case REAL, DOUBLE -> "(" + sql + ")::text";
        };
    }

    /** The condition "after the cursor", or "true" without one; binds :kv and :kid. */
    static String after(SortSpec sort, Cursor cursor, Map<String, Object> params) {
        if (cursor == null) {
            return "true";
        }
        String col = "(" + sort.field().sql() + ")";
        String op = sort.descending() ? "<" : ">";
        params.put("kid", cursor.id());
        if (cursor.value() == null) {
            return "(" + col + " is null and e.id " + op + " :kid)";
        }
        params.put("kv", cursor.value());
        String kv = "cast(:kv as " + sort.field().type().sqlType + ")";
        String afterValue =
                "(" + col + " " + op + " " + kv + " or (" + col + " = " + kv + " and e.id " + op + " :kid))";
        return sort.field().nullable() ? "(" + afterValue + " or " + col + " is null)" : afterValue;
    }
}
