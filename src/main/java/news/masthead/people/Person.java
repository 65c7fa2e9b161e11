package news.masthead.people;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
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
@Table(name = "people")
public class Person extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();
    public String role;
    public String affiliation;
    public String description;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public int version;
}
