package news.masthead.places;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "places")
public class Place extends PanacheEntityBase {

    /** SQL: the id bound as :place and the ids of every place below it, any depth. */
    public static final String SELF_AND_DESCENDANTS_SQL = "with recursive sub(id) as (select cast(:place as uuid) "
            + "union select c.id from places c join sub on c.parent_id = sub.id) select id from sub";

    @Id
    public UUID id;
    public String slug;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public PlaceKind kind;
    public UUID parentId;
    public Double latitude;
    public Double longitude;
    public Long population;
    public String countryCode;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;
}
