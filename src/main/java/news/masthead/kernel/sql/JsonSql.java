package news.masthead.kernel.sql;

/**
 * SQL expressions that write JSON text the way Jackson writes the API's records: compact, keys in
 * record order, nulls as null. (json_build_object and json_agg would add spaces, jsonb would sort the
 * keys.) Every expression yields JSON text, never SQL null.
 */
public final class JsonSql {

    private JsonSql() {}

    /** An object from alternating keys and JSON-text expressions (from the other methods here). */
    public static String object(String... keysAndJson) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < keysAndJson.length; i += 2) {
            sql.append(i == 0 ? "'{" : " || ',")
                    .append('"')
                    .append(keysAndJson[i])
                    .append("\":' || ")
                    .append(keysAndJson[i + 1]);
        }
        return sql.append(" || '}')").toString();
    }

    /**
     * The members of an object from alternating keys and JSON-text expressions, without braces, to compose an object
     * from parts (some of them stored, see V15): {@code "k1":v1,"k2":v2}.
     */
    public static String members(String... keysAndJson) {
        String object = object(keysAndJson);
        return "('" + object.substring("('{".length(), object.length() - " || '}')".length()) + ")";
    }

    /** A text, number, boolean, uuid or array value. */
    public static String value(String sql) {
        return "coalesce(to_json(" + sql + ")::text, 'null')";
    }

    /** A timestamptz, as java.time.Instant writes it. */
    public static String instant(String sql) {
        return "coalesce('\"' || masthead_instant(" + sql + ") || '\"', 'null')";
    }

    /** A double precision, as Java writes it. */
    public static String decimal(String sql) {
        return "coalesce(masthead_double(" + sql + "), 'null')";
    }

    /** An array of {@code element} (JSON text) over the rows of {@code from} (FROM ... WHERE), in {@code orderBy} order. */
    public static String array(String element, String from, String orderBy) {
        return "(select '[' || coalesce(string_agg(" + element + ", ',' order by " + orderBy + "), '') || ']' " + from
                + ")";
    }
}
