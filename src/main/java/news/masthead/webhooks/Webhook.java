package news.masthead.webhooks;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A subscription; its delivery cursor is the row of webhook_cursors that the delivery workers own. */
@Entity
@Table(name = "webhooks")
public class Webhook extends VersionedEntity {

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events = new ArrayList<>();

    public String scope;
    public boolean active;
    /** See SecretBox. */
    public String secretSealed;

    public String inactiveReason;
    public Long replayAfter;
    public Instant resumedAt;
}
