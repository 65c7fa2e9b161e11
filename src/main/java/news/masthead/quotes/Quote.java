package news.masthead.quotes;

import news.masthead.kernel.sql.Record;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "quotes")
public class Quote extends Record {

    public String text;
    public UUID speakerId;
    public UUID articleId;
    public String context;
    public String channel;
    public Instant saidAt;
    public String language;
}
