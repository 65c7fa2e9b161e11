package news.masthead.quotes;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "quotes")
public class Quote extends VersionedEntity {

    public String text;
    public UUID speakerId;
    public UUID articleId;
    public String context;
    public String channel;
    public Instant saidAt;
    public String language;
}
