package news.masthead.kernel.paging;

import news.masthead.kernel.errors.ApiException;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code sort=field} / {@code sort=-field} parameter, resolved against the fields a
 * collection allows.
 *
 * @param candidates null, or the ORDER BY (over alias "e") of an index walk that picks the rows this order
 *                   sorts: only the first {@link Listing}'s {@code cms.search.rank-candidates} matches in that
 *                   order are sorted, so that ranking a word found in most rows does not score every row
 * @param floor null, or the name of the column that {@code candidates} orders by first, descending (a timestamptz): a
 *                   walk that stops at its limit reports its value at the walk's last row ({@link JsonPage#floor})
 */
public record SortSpec(String name, SortField field, boolean descending, String candidates, String floor) {

    /** Full-text relevance to the parameter :q. */
    public static final SortField RELEVANCE =
            new SortField("ts_rank(e.search, websearch_to_tsquery('simple', :q))", false, ValueType.REAL);

    public SortSpec(String name, SortField field, boolean descending) {
        this(name, field, descending, null, null);
    }

    /** Most relevant first, among the first matches in {@code candidates} order. */
    public static SortSpec relevance(String candidates) {
        return relevance(candidates, null);
    }

    /** As {@link #relevance(String)}, with the {@code floor} column that {@code candidates} orders by first, descending. */
    public static SortSpec relevance(String candidates, String floor) {
        return new SortSpec("relevance", RELEVANCE, true, candidates, floor);
    }

    /** A sortable SQL expression over the list's alias "e", whether it may be null, and its type. */
    public record SortField(String sql, boolean nullable, ValueType type) {}

    /** How a sort value is written into a cursor and cast back in SQL. */
    public enum ValueType {
        TEXT("text"),
        INSTANT("timestamptz"),
        REAL("real"),
        DOUBLE("double precision");

        /** What Keyset writes for an instant (to_char of the UTC time); years up to PostgreSQL's last, 294276. */
        private static final Pattern INSTANT_TEXT =
                Pattern.compile("(\\d{4,6})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)\\.\\d{6}Z");

        private static final Pattern NUMBER_TEXT =
                Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|NaN|-?Infinity");

        final String sqlType;

        ValueType(String sqlType) {
            this.sqlType = sqlType;
        }

        /**
         * Whether PostgreSQL casts {@code value} to this type without an error: a tampered cursor must be a
         * 400, not a failed statement.
         */
        boolean accepts(String value) {
            return switch (this) {
                case TEXT -> value.indexOf(0) < 0;
                case INSTANT -> validInstant(value);
                case REAL -> NUMBER_TEXT.matcher(value).matches() && inRange(value, Float.parseFloat(value));
                case DOUBLE -> NUMBER_TEXT.matcher(value).matches() && inRange(value, Double.parseDouble(value));
            };
        }

        private static boolean validInstant(String value) {
            Matcher m = INSTANT_TEXT.matcher(value);
            if (!m.matches()) {
                return false;
            }
            int year = Integer.parseInt(m.group(1));
            try {
                LocalDateTime.of(
                        year,
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
            } catch (DateTimeException e) {
                return false;
            }
            return year >= 1 && year <= 294_276;
        }

        /** PostgreSQL refuses a finite number that overflows to infinity or underflows to zero. */
        private static boolean inRange(String value, double parsed) {
            if (Double.isInfinite(parsed)) {
                return value.endsWith("Infinity");
            }
            return parsed != 0 || !value.replaceFirst("[eE].*", "").matches(".*[1-9].*");
        }
    }

    public static SortSpec parse(String param, Map<String, SortField> allowed, String defaultSort) {
        String s = param == null || param.isBlank() ? defaultSort : param.trim();
        boolean desc = s.startsWith("-");
        String name = desc ? s.substring(1) : s;
        SortField field = allowed.get(name);
        if (field == null) {
            throw ApiException.InvalidRequest.field(
                    "sort",
                    "unknown sort field '" + name + "'; allowed: "
                            + String.join(
                                    ", ", allowed.keySet().stream().sorted().toList()) + " (prefix - for descending)");
        }
        return new SortSpec(name, field, desc);
    }

    public String key() {
        return (descending ? "-" : "") + name;
    }
}
