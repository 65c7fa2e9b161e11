package news.masthead.kernel.query;

import news.masthead.kernel.errors.ApiException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.text.Slugs;
import news.masthead.kernel.text.TextRule;

/** Strict parsing of query parameters: a malformed value is a 400 naming the parameter. */
public final class Params {

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);
    private static final int MAX_QUERY = 500;

    private Params() {
    }

    public static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** An id or slug naming a resource; its shape is checked, its existence is not. */
    public static String idOrSlug(String name, String value) {
        if (Lookup.asId(value).isPresent() || SLUG.matcher(value).matches()) {
            return value;
        }
        throw ApiException.InvalidRequest.field(name, "must be an id (UUID) or a slug");
    }

    public static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.InvalidRequest.field(name, "must be an ISO-8601 date-time such as 2026-05-01T09:30:00Z");
        }
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiException.InvalidRequest.field(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    public static double number(String name, String value, double min, double max) {
        try {
            double d = Double.parseDouble(value.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field(name, "must be a number from " + min + " to " + max);
    }

    /** A full-text query in websearch syntax: "quoted phrase", -exclusion, OR. */
    public static String query(String value) {
        if (value.isBlank() || value.length() > MAX_QUERY) {
            throw ApiException.InvalidRequest.field("q", "must be 1 to " + MAX_QUERY + " characters of search text");
        }
        return text("q", value);
    }

    public static String text(String name, String value, int max) {
        if (value.length() > max) {
            throw ApiException.InvalidRequest.field(name, "must be at most " + max + " characters");
        }
        return text(name, value);
    }

    /** A free-text option as {@link TextRule} admits text (PostgreSQL refuses a NUL, even in a comparison). */
    public static String text(String name, String value) {
        String why = TextRule.problem(value);
        if (why != null) {
            throw ApiException.InvalidRequest.field(name, why);
        }
        return value;
    }

    /** A comma-separated subset of {@code allowed}, e.g. include=people,places. */
    public static Set<String> subset(String name, String value, Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (!allowed.contains(p)) {
                throw ApiException.InvalidRequest.field(name, "unknown value '" + part.trim() + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.add(p);
        }
        return out;
    }
}
