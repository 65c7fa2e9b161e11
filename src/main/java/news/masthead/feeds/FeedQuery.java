package news.masthead.feeds;

import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.query.Params;
import news.masthead.kernel.text.Slugs;
import news.masthead.kernel.errors.ApiException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The filters of an article feed, checked strictly: a malformed value is a 400, never ignored. */
public record FeedQuery(String tag, String section, String place, String person) {

    /** Starts like a UUID (8-4-4-4 hex groups): such a value must be a whole, valid UUID. */
    private static final Pattern UUID_PREFIX = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-.*");
    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    public static FeedQuery of(String tag, String section, String place, String person) {
        return new FeedQuery(tag == null ? null : text("tag", tag).toLowerCase(Locale.ROOT),
                section == null ? null : text("section", section),
                place == null ? null : idOrSlug("place", place),
                person == null ? null : idOrSlug("person", person));
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

    private static String text(String field, String value) {
        String v = Params.text(field, value).trim(); // checked first: trim() would drop control characters at the ends
        if (v.isEmpty() || v.length() > 100) {
            throw ApiException.InvalidRequest.field(field, "must be 1 to 100 characters");
        }
        return v;
    }

    private static String idOrSlug(String field, String value) {
        if (Lookup.asId(value).isPresent()) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (UUID_PREFIX.matcher(value).matches() || !SLUG.matcher(value).matches() || value.length() > 120) {
            throw ApiException.InvalidRequest.field(field, "must be an id (UUID) or a slug");
        }
        return value;
    }
}
