package news.masthead.comments;

import static news.masthead.kernel.sql.JsonSql.instant;
import static news.masthead.kernel.sql.JsonSql.object;
import static news.masthead.kernel.sql.JsonSql.value;

/** A comment as JSON built by PostgreSQL, byte for byte as {@link PublicCommentView} serialises: no e-mail. */
final class CommentJson {

    /** SQL expression over a comments row aliased {@code c}. */
    static final String PUBLIC = object(
            "id",
            value("c.id"),
            "articleId",
            value("c.article_id"),
            "parentId",
            value("c.parent_id"),
            "authorName",
            value("c.author_name"),
            "body",
            value("c.body"),
            "status",
            value("c.status"),
            "createdAt",
            instant("c.created_at"),
            "updatedAt",
            instant("c.updated_at"),
            "version",
            value("c.version"));

    private CommentJson() {}
}
