package news.masthead.common;

import news.masthead.web.ApiException;

import java.util.Map;

/**
 * A parsed {@code sort=field} / {@code sort=-field} parameter, resolved against the fields a
 * collection allows.
 */
public record SortSpec(String name, SortField field, boolean descending) {

    /** A sortable SQL expression over the list's alias "e", whether it may be null, and its type. */
    public record SortField(String sql, boolean nullable, ValueType type) {
    }

    /** How a sort value is written into a cursor and cast back in SQL. */
    public enum ValueType {
        TEXT("text"), INSTANT("timestamptz"), REAL("real"), DOUBLE("double precision");

        final String sqlType;

        ValueType(String sqlType) {
            this.sqlType = sqlType;
        }
    }

    public static SortSpec parse(String param, Map<String, SortField> allowed, String defaultSort) {
        String s = param == null || param.isBlank() ? defaultSort : param.trim();
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        SortField field = allowed.get(name);
        if (field == null) {
            throw ApiException.InvalidRequest.field("sort", "unknown sort field '" + name + "'; allowed: "
                    + String.join(", ", allowed.keySet().stream().sorted().toList()) + " (prefix - for descending)");
        }
        return new SortSpec(name, field, desc);
    }

    public String key() {
        return (descending ? "-" : "") + name;
    }
}
