package news.masthead.feeds;

import news.masthead.kernel.query.Params;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The filters of an article feed, checked strictly: a malformed value is a 400, never ignored. */
public record FeedQuery(String tag, String section, String place, String person) {

    private static final int MAX_TEXT = 100;

    public static FeedQuery of(String tag, String section, String place, String person) {
        return new FeedQuery(
                tag == null ? null : Params.text("tag", tag, MAX_TEXT).toLowerCase(Locale.ROOT),
                section == null ? null : Params.text("section", section, MAX_TEXT),
                place == null ? null : Params.idOrSlug("place", place),
                person == null ? null : Params.idOrSlug("person", person));
    }

    /** The filters in a fixed order, for the feed's id and title. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (tag != null) {
            m.put("tag", tag);
        }
        if (section != null) {
            m.put("section", section);
        }
        if (place != null) {
            m.put("place", place);
        }
        if (person != null) {
            m.put("person", person);
        }
        return m;
    }
}
