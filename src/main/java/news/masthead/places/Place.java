package news.masthead.places;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "places")
public class Place extends VersionedEntity {

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
}
