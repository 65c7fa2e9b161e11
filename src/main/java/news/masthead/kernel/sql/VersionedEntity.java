package news.masthead.kernel.sql;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import news.masthead.kernel.time.AppClock;
import org.hibernate.Session;

import java.time.Instant;
import java.util.UUID;

/**
 * What every resource stores: a server-assigned id, creation and update times, and a version that
 * starts at 1 and grows by one with every change (Hibernate's @Version also checks it in each UPDATE).
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public int version;

    /** Inserts this new record with a fresh id, both timestamps now and version 1. */
    public void insert() {
        id = UUID.randomUUID();
        createdAt = now();
        updatedAt = createdAt;
        version = 1;
        persistAndFlush();
    }

    /** Writes the changes made to this record; updatedAt and version move only when something changed. */
    public void save() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        if (session.isDirty()) {
            updatedAt = now();
        }
        session.flush();
    }

    /** Entities are no beans: the clock is looked up. */
    private static Instant now() {
        return Arc.container().instance(AppClock.class).get().now();
    }
}
