package news.masthead.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * A list page whose items are already a JSON array (see {@link JsonText}): the {@link Page}
 * envelope is written around them as text.
 */
public record JsonPage(String items, Long total, int limit, String next) {

    public JsonText body() {
        StringBuilder json = new StringBuilder(items.length() + 96).append("{\"items\":").append(items);
        if (total != null) {
            json.append(",\"total\":").append(total);
        }
        json.append(",\"limit\":").append(limit).append(",\"next\":");
        if (next == null) {
            json.append("null");
        } else {
            json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(next)).append('"');
        }
        return JsonText.of(json.append('}').toString());
    }
}
