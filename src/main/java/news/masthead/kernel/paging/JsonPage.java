package news.masthead.kernel.paging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import news.masthead.kernel.http.JsonText;

/**
 * A list page whose items are already a JSON array (see {@link JsonText}), with the {@link Page}
 * envelope written around them once, when it is built.
 *
 * @param next the cursor of the next page, for the Link header, or null
 */
public record JsonPage(JsonText body, String next) {

    /** The page of {@code ids} (its total, limit and next) with these items. */
    public static JsonPage of(String items, Page<?> ids) {
        return of(items, ids.totalOrNull(), ids.limit(), ids.next());
    }

    public static JsonPage of(String items, Page.Total total, int limit, String next) {
        StringBuilder json =
                new StringBuilder(items.length() + 96).append("{\"items\":").append(items);
        if (total != null) {
            json.append(",\"total\":").append(total.value());
            if (total.estimate()) {
                json.append(",\"totalIsEstimate\":true");
            }
        }
        json.append(",\"limit\":").append(limit).append(",\"next\":");
        if (next == null) {
            json.append("null");
        } else {
            json.append('"')
                    .append(JsonStringEncoder.getInstance().quoteAsString(next))
                    .append('"');
        }
        return new JsonPage(JsonText.of(json.append('}').toString()), next);
    }

    /** Its size in memory, for {@code ReadCache}. */
    public long bytes() {
        return body.bytes().length;
    }
}
