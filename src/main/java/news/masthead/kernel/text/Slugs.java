package news.masthead.kernel.text;

import com.ibm.icu.text.Transliterator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: {@code [a-z0-9]+(-[a-z0-9]+)*}. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final int MAX_LENGTH = 80;
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    /**
     * Any script to lower-case ASCII. Cyrillic follows Ukraine's national transliteration (2010): ICU's
     * generic Cyrillic rules give "volodimir-zelens-kij" where every Ukrainian source writes "volodymyr-zelenskyi".
     * є ї й ю я take their word-initial form (ye yi y yu ya) at a word start, elsewhere the medial one (ie i i iu ia);
     * the soft and hard signs vanish, and the other Russian-only letters (ы э ё) fall through to ICU's Any-Latin.
     */
    private static final String RULES = String.join(
            "\n",
            ":: NFC ;",
            ":: Lower ;",
            "$start = [^[:L:][:M:]ʼ’'] ;",
            "зг > zgh ;",
            "$start { є > ye ;",
            "^ { є > ye ;",
            "є > ie ;",
            "$start { ї > yi ;",
            "^ { ї > yi ;",
            "ї > i ;",
            "$start { й > y ;",
            "^ { й > y ;",
            "й > i ;",
            "$start { ю > yu ;",
            "^ { ю > yu ;",
            "ю > iu ;",
            "$start { я > ya ;",
            "^ { я > ya ;",
            "я > ia ;",
            "г > h ;",
            "ґ > g ;",
            "и > y ;",
            "і > i ;",
            "х > kh ;",
            "ц > ts ;",
            "ч > ch ;",
            "ш > sh ;",
            "щ > shch ;",
            "ж > zh ;",
            "[ьъ] > ;",
            "[ʼ’'] > ;", // apostrophes vanish in any script: "Mayor's" → "mayors"
            ":: Any-Latin ;",
            ":: Latin-ASCII ;");

    /** One instance, used under its lock: a Transliterator is not documented as safe for concurrent use. */
    private static final Transliterator LATIN =
            Transliterator.createFromRules("Masthead-Slug", RULES, Transliterator.FORWARD);

    private Slugs() {}

    /** "Kyiv: Mayor's Address — Day 3" → "kyiv-mayors-address-day-3", "Володимир Зеленський" → "volodymyr-zelenskyi". */
    public static String derive(String text, String fallback) {
        String latin;
        synchronized (LATIN) {
            latin = LATIN.transliterate(text == null ? "" : text);
        }
        return clean(latin.toLowerCase(Locale.ROOT), fallback);
    }

    /**
     * What {@link #derive} gave before it transliterated (letters outside Latin were dropped), so that a
     * resource whose slug was derived that way keeps it when it is saved again with the same text.
     */
    public static String derivedBeforeTransliteration(String text, String fallback) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD);
        return clean(
                DIACRITICS
                        .matcher(s)
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT)
                        .replace("'", "")
                        .replace("’", ""),
                fallback);
    }

    private static String clean(String lower, String fallback) {
        String s = NON_ALNUM.matcher(lower).replaceAll("-");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? fallback : s;
    }
}
