package news.masthead.articles;

import news.masthead.kernel.cache.ReadCache;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a tsquery's text (PostgreSQL's output, as websearch_to_tsquery gives it) becomes a search's dependencies. */
class SearchWordsTest {

    private static final String LISTED = ReadCache.ARTICLES_LISTED;

    @Test
    void wordsJoinedByOrDependOnTheirOwnEntries() {
        assertEquals(
                Set.of(LISTED, ReadCache.articleWord("harbour"), ReadCache.articleWord("ferry")),
                SearchWords.dependenciesOf("'harbour' | 'ferry'"));
        assertEquals(
                Set.of(LISTED, ReadCache.articleWord("harbour"), ReadCache.articleWord("storm")),
                SearchWords.dependenciesOf("'harbour' | !'storm'"));
    }

    @Test
    void quotesAndBackslashesInALexemeAreUndoubled() {
        assertEquals(Set.of(LISTED, ReadCache.articleWord("o'neil\\x")), SearchWords.dependenciesOf("'o''neil\\\\x'"));
    }

    @Test
    void andPhraseAndPrefixDependOnEveryTextChange() {
        Set<String> positional = Set.of(LISTED, ReadCache.ARTICLES_TEXT);
        assertEquals(positional, SearchWords.dependenciesOf("'harbour' & 'ferry'"));
        assertEquals(positional, SearchWords.dependenciesOf("'harbour' <-> 'ferry'"));
        assertEquals(positional, SearchWords.dependenciesOf("'harbour' | 'a' <2> 'b'"));
        assertEquals(positional, SearchWords.dependenciesOf("'harb':*"));
    }

    @Test
    void aQueryWithoutWordsDependsOnlyOnMoves() {
        assertEquals(Set.of(LISTED), SearchWords.dependenciesOf(""));
    }
}
