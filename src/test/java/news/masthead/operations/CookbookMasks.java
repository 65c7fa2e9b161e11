package news.masthead.operations;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How a cookbook output is compared with the one shown (docs/cookbook.md lists these rules): what differs from run to
 * run is replaced by a placeholder in both, and {@code …} in a shown output stands for any text within its line.
 */
final class CookbookMasks {

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("mh_[A-Za-z0-9_-]{43}"), "mh_<secret>"),
            new Rule(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<id>"),
            new Rule(Pattern.compile("cursor=[A-Za-z0-9_%=-]+"), "cursor=<cursor>"),
            new Rule(Pattern.compile("\"next\":\"[^\"]+\""), "\"next\":\"<cursor>\""),
            new Rule(
                    Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})"),
                    "<time>"),
            new Rule(
                    Pattern.compile("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                    "<http-date>"),
            new Rule(Pattern.compile("W/\"[^\"]*\""), "W/\"<etag>\""),
            new Rule(Pattern.compile("(?im)^(content-length): \\d+$"), "$1: <n>"));

    private CookbookMasks() {}

    /** Line ends as in the file: no carriage returns, no trailing blanks, no blank lines at either end. */
    static String normalise(String text) {
        String lines = text.replace("\r", "").lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
        return lines.replaceAll("^\n+", "").replaceAll("\n+$", "");
    }

    static String mask(String text) {
        String masked = normalise(text);
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }

    /** Whether the output matches the shown one, both masked; {@code …} matches any text within a line. */
    static boolean matches(String shown, String actual) {
        String[] parts = mask(shown).split("…", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*?").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString()).matcher(mask(actual)).matches();
    }
}
