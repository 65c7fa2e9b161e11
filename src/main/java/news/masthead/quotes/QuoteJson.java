package news.masthead.quotes;

import news.masthead.articles.ArticleJson;
import news.masthead.articles.Visibility;
import news.masthead.people.PersonJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A quote as JSON built by PostgreSQL, byte for byte as {@link QuoteView} serialises. */
public final class QuoteJson {

    /**
     * SQL expression over a quotes row aliased {@code q}, for a caller who may see its article (the
     * articleId is shown as stored).
     */
    public static final String LIVE = live(value("q.article_id"));

    /**
     * The same, as stored on the row (V15's quotes.rendered, set by a trigger on every insert and update, so it is as
     * current as the row): copying it costs a fraction of building it. {@link #LIVE} when there is none.
     */
    public static final String OBJECT = "coalesce(q.rendered, " + LIVE + ")";

    /** Whether the quote's article, if any, is one an anonymous caller may see. */
    private static final String ARTICLE_SHOWN = "(q.article_id is null or exists (select 1 from articles a"
            + " where a.id = q.article_id and " + Visibility.publicArticleSql("a") + "))";

    /** For an anonymous caller: its articleId is null while the article is hidden. */
    private static final String SHOWN =
            "case when " + ARTICLE_SHOWN + " then " + OBJECT + " else " + live("'null'") + " end";

    private static final String SPEAKER = "coalesce((select ',\"speaker\":' || " + PersonJson.OBJECT
            + " from people p where p.id = q.speaker_id), '')";

    private static final String ARTICLE_ALL = article(true);
    private static final String ARTICLE_VISIBLE = article(false);

    private QuoteJson() {}

    /**
     * SQL expressions whose texts, one after the other, are the quote row aliased {@code q} as the caller sees it, with
     * the records {@code include} names (as {@link QuoteView#withIncludes}).
     */
    static List<String> columns(Set<String> include, boolean seesAll) {
        String quote = seesAll ? OBJECT : SHOWN;
        if (include.isEmpty()) {
            return List.of(quote);
        }
        List<String> columns = new ArrayList<>(List.of("left(" + quote + ", -1)"));
        if (include.contains("speaker")) {
            columns.add(SPEAKER);
        }
        if (include.contains("article")) {
            columns.add(seesAll ? ARTICLE_ALL : ARTICLE_VISIBLE);
        }
        columns.add("'}'");
        return columns;
    }

    /** The quote's article as a member, when there is one the caller may see; else nothing (the field is left out). */
    private static String article(boolean seesAll) {
        return "coalesce((select ',\"article\":' || " + ArticleJson.embedded(seesAll)
                + " from articles a where a.id = q.article_id"
                + (seesAll ? "" : " and " + Visibility.publicArticleSql("a")) + "), '')";
    }

    private static String live(String articleId) {
        return object(
                "id",
                value("q.id"),
                "text",
                value("q.text"),
                "speakerId",
                value("q.speaker_id"),
                "articleId",
                articleId,
                "context",
                value("q.context"),
                "channel",
                value("q.channel"),
                "saidAt",
                instant("q.said_at"),
                "language",
                value("q.language"),
                "createdAt",
                instant("q.created_at"),
                "updatedAt",
                instant("q.updated_at"),
                "version",
                value("q.version"));
    }
}
