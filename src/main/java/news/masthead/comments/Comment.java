package news.masthead.comments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;

import java.util.UUID;

@Entity
@Table(name = "comments")
public class Comment extends VersionedEntity {

    public UUID articleId;
    public UUID parentId;
    public String authorName;
    public String authorEmail;
    /** Plain text, stored exactly as sent. */
    public String body;

    @Enumerated(EnumType.STRING)
    public CommentStatus status;
}
