package news.masthead.common;

import news.masthead.web.ApiException;

import java.util.Map;

/**
 * A parsed {@code sort=field} / {@code sort=-field} parameter, resolved against the fields a
 * collection allows.
 *
 * @param candidates null, or the ORDER BY (over alias "e") of an index walk that picks the rows this order
 *                   sorts: only the first {@link Listing}'s {@code cms.search.rank-candidates} matches in that
 *                   order are sorted, so that ranking a word found in most rows does not score every row
 */
public record SortSpec(String name, SortField field, boolean descending, String candidates) {

    /** Full-text relevance to the parameter :q. */
    public static final SortField RELEVANCE = new SortField("ts_rank(e.search, websearch_to_tsquery('simple', :q))", false, ValueType.REAL);

    public SortSpec(String name, SortField field, boolean descending) {
        this(name, field, descending, null);
    }

    /** Most relevant first, among the first matches in {@code candidates} order. */
    public static SortSpec relevance(String candidates) {
        return new SortSpec("relevance", RELEVANCE, true, candidates);
    }

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
