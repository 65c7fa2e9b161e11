package news.masthead.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: {@code [a-z0-9]+(-[a-z0-9]+)*}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final int MAX_LENGTH = 80;
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** "Kyiv: Mayor's Address — Day 3" → "kyiv-mayors-address-day-3"; fallback when nothing is left. */
    public static String derive(String text, String fallback) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        s = DIACRITICS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        s = NON_ALNUM.matcher(s).replaceAll("-");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? fallback : s;
    }
}
