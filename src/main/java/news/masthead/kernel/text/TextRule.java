package news.masthead.kernel.text;

/**
 * The text PostgreSQL can store and give back byte-identical: no NUL character (text and jsonb
 * reject it) and no unpaired UTF-16 surrogate (it has no UTF-8 form). Nor any other control character
 * but tab, line feed and carriage return: XML 1.0 cannot carry them, so no Atom feed could, and
 * they have no place in news text. Bodies (TextDeserializer) and query options (Params) obey it alike.
 */
public final class TextRule {

    private TextRule() {}

    /** Why {@code s} breaks the rule, or null when it does not. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X; only tab, line feed and carriage return are allowed"
                        .formatted((int) c);
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired surrogate";
                }
            }
        }
        return null;
    }
}
