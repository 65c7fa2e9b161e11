package news.masthead.quotes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "quotes")
public class Quote extends PanacheEntityBase {

    @Id
    public UUID id;
    public String text;
    public UUID speakerId;
    public UUID articleId;
    public String context;
    public String channel;
    public Instant saidAt;
    public String language;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;
}
