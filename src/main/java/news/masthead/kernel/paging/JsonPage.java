package news.masthead.kernel.paging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import news.masthead.kernel.http.JsonText;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A list page whose items are already a JSON array (see {@link JsonText}), with the {@link Page}
 * envelope written around them once, when it is built.
 *
 * @param next the cursor of the next page, for the Link header, or null
 * @param floor for a ranked page whose walk stopped at its limit (its total past the cap, an estimate), the value of
 *     its sort's {@link SortSpec#floor} column at the walk's last row, in microseconds since the epoch: a change of a
 *     row below it cannot change the page. Else null
 * @param changesWith the keys whose changes can change which rows it lists and in what order, in place of its
 *     collection's (its filter's, see {@link Filter#changesWith}), or null
 */
public record JsonPage(JsonText body, String next, Long floor, Set<String> changesWith) {

    /** The page of {@code ids} (its total, limit and next) with these items (a JSON array in UTF-8). */
    public static JsonPage of(byte[] items, Page<?> ids) {
        return of(items, ids.totalOrNull(), ids.limit(), ids.next());
    }

    public static JsonPage of(byte[] items, Page.Total total, int limit, String next) {
        StringBuilder tail = new StringBuilder(96);
        if (total != null) {
            tail.append(",\"total\":").append(total.value());
            if (total.estimate()) {
                tail.append(",\"totalIsEstimate\":true");
            }
        }
        tail.append(",\"limit\":").append(limit).append(",\"next\":");
        if (next == null) {
            tail.append("null");
        } else {
            tail.append('"')
                    .append(JsonStringEncoder.getInstance().quoteAsString(next))
                    .append('"');
        }
        byte[] end = tail.append('}').toString().getBytes(StandardCharsets.UTF_8);
        return new JsonPage(new JsonText.Builder().add(HEAD).add(items).add(end).build(), next, null, null);
    }

    /** This page, whose items were rendered with only the fields {@code fields=} asks for (see {@link JsonText#sparse}). */
    public JsonPage sparse() {
        return new JsonPage(body.sparse(), next, floor, changesWith);
    }

    /** This page, known to change with no change of a row below {@code floor} (see above). */
    public JsonPage withFloor(Long floor) {
        return new JsonPage(body, next, floor, changesWith);
    }

    /** This page, computed through {@code filter}: it changes with what the filter says its rows change with. */
    JsonPage through(Filter filter) {
        return new JsonPage(body, next, floor, filter.changesWith());
    }

    /** Its dependencies: {@code keys} (its Surrogate-Keys) with {@code table}'s replaced by {@link #changesWith}. */
    public Set<String> dependencies(String table, Set<String> keys) {
        return changesWith == null ? keys : Filter.instead(keys, table, changesWith);
    }

    private static final byte[] HEAD = "{\"items\":".getBytes(StandardCharsets.UTF_8);
}
