package news.masthead.kernel.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WHERE clause of a list over alias "e", built from validated query parameters, with a
 * canonical text of those parameters that binds cursors to this query.
 */
public final class Filter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final StringBuilder fingerprint = new StringBuilder();
    private boolean empty;
    private boolean searching;
    private String source;
    private Set<String> changesWith;

    /** Adds a condition with its parameters; {@code key} is the filter's canonical form for cursors. */
    public Filter and(String condition, String key, Object... namesAndValues) {
        conditions.add(condition);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        fingerprint.append(key).append(';');
        return this;
    }

    /**
     * Lists rows of {@code subquery} (which must have the table's columns the conditions and sorts use)
     * instead of the whole table: an index that holds only the matching rows in sort order.
     */
    public Filter from(String subquery, String key, Object... namesAndValues) {
        source = subquery;
        return and("true", key, namesAndValues);
    }

    /** Full-text search for {@code q} (PostgreSQL's websearch syntax) in the table's {@code search} column. */
    public Filter search(String q) {
        searching = true;
        return and("e.search @@ websearch_to_tsquery('simple', :q)", "q=" + q, "q", q);
    }

    /** Whether it searches: a search's total counts fewer rows ({@code cms.search.total-cap}). */
    boolean searches() {
        return searching;
    }

    /**
     * Which rows it matches, and in which order, changes only with the changes that touch {@code keys} (such as a
     * collection's moves, {@link news.masthead.kernel.cache.ReadCache#listed}): a value computed from its rows depends on
     * those instead of on every change of its table.
     */
    public Filter changesWith(Set<String> keys) {
        changesWith = keys;
        return this;
    }

    /** What {@link #changesWith(Set)} gave, or null. */
    Set<String> changesWith() {
        return changesWith;
    }

    /** {@code keys} with {@code table}'s own key (every change of it) replaced by those {@link #changesWith} gave. */
    public Set<String> dependencies(String table, Set<String> keys) {
        return changesWith == null ? keys : instead(keys, table, changesWith);
    }

    /** {@code keys} with {@code key} replaced by {@code narrower}, if it is there. */
    public static Set<String> instead(Set<String> keys, String key, Set<String> narrower) {
        if (!keys.contains(key)) {
            return keys;
        }
        Set<String> deps = new LinkedHashSet<>(keys);
        deps.remove(key);
        deps.addAll(narrower);
        return deps;
    }

    /** The filter names something that does not exist (an unknown slug): the list is empty. */
    public Filter matchNothing() {
        empty = true;
        return this;
    }

    public boolean matchesNothing() {
        return empty;
    }

    /** What the list reads: {@code table}, or the subquery given to {@link #from}. */
    String source(String table) {
        return source == null ? table : source;
    }

    String where() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }

    String fingerprint() {
        return fingerprint.toString();
    }
}
