package news.masthead.quotes;

import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A quote as JSON built by PostgreSQL, byte for byte as {@link QuoteView} serialises (without includes). */
public final class QuoteJson {

    /**
     * SQL expression over a quotes row aliased {@code q}, for a caller who may see its article (the
     * articleId is shown as stored).
     */
    public static final String LIVE = object(
            "id",
            value("q.id"),
            "text",
            value("q.text"),
            "speakerId",
            value("q.speaker_id"),
            "articleId",
            value("q.article_id"),
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

    /**
     * The same, as stored on the row (V15's quotes.rendered, set by a trigger on every insert and update, so it is as
     * current as the row): copying it costs a fraction of building it. {@link #LIVE} when there is none.
     */
    public static final String OBJECT = "coalesce(q.rendered, " + LIVE + ")";

    private QuoteJson() {}
}
