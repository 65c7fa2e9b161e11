package news.masthead.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.cache.ReadCache;
import news.masthead.kernel.sql.Reads;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a search of articles by relevance or by publication time depends on, besides the articles its page shows:
 * the articles' moves ({@link ReadCache#ARTICLES_LISTED}) and, for a query of one word or words joined by OR, the
 * entries of its own words in the articles' search vectors ({@link ReadCache#articleWord}, V27), so that it outlives
 * edits of other words. A query that joins words by AND or as a phrase ranks or matches by their positions, which an
 * edit of earlier text shifts: it depends on every change of articles' text ({@link ReadCache#ARTICLES_TEXT}).
 * <p>
 * The words are PostgreSQL's own parse of the query (the same {@code websearch_to_tsquery} the search runs), read once
 * per query text and kept: a pure function of the text.
 */
@ApplicationScoped
class SearchWords {

    /** Query texts whose dependencies are kept. */
    private static final int KEPT = 10_000;

    @Inject
    Reads reads;

    private final Cache<String, Set<String>> kept =
            Caffeine.newBuilder().maximumSize(KEPT).executor(Runnable::run).build();

    /** What a search for {@code q} (websearch syntax) depends on instead of every article change. */
    Set<String> dependencies(String q) {
        return kept.get(
                q,
                text -> dependenciesOf(reads.single(
                        "select websearch_to_tsquery('simple', :q)::text", Map.of("q", text), rs -> rs.getString(1))));
    }

    /**
     * From a tsquery's text: quoted lexemes ({@code 'it''s'}: quotes and backslashes doubled) between the operators
     * {@code & | ! <-> <N>} and parentheses. A lexeme with a weight or prefix label ({@code 'a':*}) matches other
     * lexemes than its own: treated as positional.
     */
    static Set<String> dependenciesOf(String tsquery) {
        Set<String> deps = new HashSet<>();
        deps.add(ReadCache.ARTICLES_LISTED);
        int i = 0;
        while (i < tsquery.length()) {
            char c = tsquery.charAt(i++);
            if (c == '&' || c == '<' || c == ':') {
                return Set.of(ReadCache.ARTICLES_LISTED, ReadCache.ARTICLES_TEXT);
            }
            if (c == '\'') {
                StringBuilder lexeme = new StringBuilder();
                while (i < tsquery.length()) {
                    char d = tsquery.charAt(i++);
                    if (d == '\\' && i < tsquery.length()) {
                        lexeme.append(tsquery.charAt(i++));
                    } else if (d == '\'' && i < tsquery.length() && tsquery.charAt(i) == '\'') {
                        lexeme.append('\'');
                        i++;
                    } else if (d == '\'') {
                        break;
                    } else {
                        lexeme.append(d);
                    }
                }
                deps.add(ReadCache.articleWord(lexeme.toString()));
            }
        }
        return Set.copyOf(deps);
    }
}
