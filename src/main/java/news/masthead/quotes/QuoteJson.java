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
    public static final String OBJECT = object(
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

    private QuoteJson() {}
}
