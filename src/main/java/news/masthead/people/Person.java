package news.masthead.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "people")
public class Person extends VersionedEntity {

    public String slug;
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();

    public String role;
    public String affiliation;
    public String description;
    /** A portrait (images/); null: none. */
    public UUID imageId;
}
