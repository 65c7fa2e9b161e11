package news.masthead.comments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "comments")
public class Comment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID articleId;
    public UUID parentId;
    public String authorName;
    public String authorEmail;
    /** Plain text, stored exactly as sent. */
    public String body;
    @Enumerated(EnumType.STRING)
    public CommentStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;
}
