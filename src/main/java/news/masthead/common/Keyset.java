package news.masthead.common;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * HQL for keyset pagination on (sort field, id), nulls last in either direction. The where-clause
 * continues strictly after the cursor's row, so a walk stays stable while rows come and go.
 */
public final class Keyset {

    private Keyset() {
    }

    public static String orderBy(String alias, SortSpec sort) {
        String dir = sort.descending() ? " desc" : " asc";
        return " order by " + alias + "." + sort.field().path() + dir + (sort.field().nullable() ? " nulls last" : "")
                + ", " + alias + ".id" + dir;
    }

    /** The condition "after the cursor", or "true" without one; binds :kv and :kid. */
    public static String after(String alias, SortSpec sort, Cursor cursor, Map<String, Object> params) {
        if (cursor == null) {
            return "true";
        }
        String col = alias + "." + sort.field().path();
        String id = alias + ".id";
        String op = sort.descending() ? "<" : ">";
        params.put("kid", cursor.id());
        if (cursor.value() == null) {
            return "(" + col + " is null and " + id + " " + op + " :kid)";
        }
        params.put("kv", parse(sort.field().type(), cursor.value()));
        String afterValue = "(" + col + " " + op + " :kv or (" + col + " = :kv and " + id + " " + op + " :kid))";
        return sort.field().nullable() ? "(" + afterValue + " or " + col + " is null)" : afterValue;
    }

    public static Cursor cursorOf(String scope, Object sortValue, UUID id) {
        return new Cursor(scope, sortValue == null ? null : sortValue.toString(), id);
    }

    private static Object parse(SortSpec.ValueType type, String value) {
        try {
            return type == SortSpec.ValueType.INSTANT ? Instant.parse(value) : value;
        } catch (RuntimeException e) {
            throw news.masthead.web.ApiException.InvalidRequest.field("cursor", "is malformed");
        }
    }
}
