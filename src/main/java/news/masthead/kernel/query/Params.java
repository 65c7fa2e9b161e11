package news.masthead.kernel.query;

import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.sql.Lookup;
import news.masthead.kernel.text.Slugs;
import news.masthead.kernel.text.TextRule;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one parser of each kind of query option, used by every resource: a malformed value is a 400 whose
 * {@code errors[0]} names the option and says what it must be, never a silent default.
 */
public final class Params {

    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);
    /** Starts like a UUID (8-4-4-4 hex groups): such a value must be a whole, valid UUID. */
    private static final Pattern UUID_PREFIX =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-.*");
    /** The longest slug a record may have (the inputs' @Size). */
    private static final int MAX_SLUG = 120;

    private static final int MAX_QUERY = 500;

    private Params() {}

    public static boolean present(String value) {
        return value != null && !value.isEmpty();
    }

    /** An id (given back in lower case) or a slug naming a resource; its shape is checked, its existence is not. */
    public static String idOrSlug(String name, String value) {
        if (Lookup.asId(value).isPresent()) {
            return value.toLowerCase(Locale.ROOT);
        }
        if (UUID_PREFIX.matcher(value).matches() || !SLUG.matcher(value).matches() || value.length() > MAX_SLUG) {
            throw ApiException.InvalidRequest.field(name, "must be an id (UUID) or a slug");
        }
        return value;
    }

    /** A page size: {@code defaultLimit} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the 400 below
        }
        throw ApiException.InvalidRequest.field("limit", "must be an integer from 1 to " + max);
    }

    /** true or false; {@code absent} when not given. */
    public static boolean flag(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw ApiException.InvalidRequest.field(name, "must be true or false");
    }

    public static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.InvalidRequest.field(name, "must be an ISO-8601 date-time such as 2026-05-01T09:30:00Z");
        }
    }

    /** One of the constants of {@code type}, by exact name. */
    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiException.InvalidRequest.field(
                name,
                "must be one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
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
        return text("q", value, MAX_QUERY);
    }

    /**
     * A free-text option, trimmed: 1 to {@code max} characters of text as {@link TextRule} admits it (PostgreSQL
     * refuses a NUL, even in a comparison). The rule is checked first: trimming would drop control characters at the ends.
     */
    public static String text(String name, String value, int max) {
        String why = TextRule.problem(value);
        if (why != null) {
            throw ApiException.InvalidRequest.field(name, why);
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > max) {
            throw ApiException.InvalidRequest.field(name, "must be 1 to " + max + " characters");
        }
        return v;
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
                throw ApiException.InvalidRequest.field(
                        name,
                        "unknown value '" + part.trim() + "'; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            out.add(p);
        }
        return out;
    }
}
