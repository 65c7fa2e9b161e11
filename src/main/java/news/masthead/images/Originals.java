package news.masthead.images;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The untouched uploaded bytes, in their own table: reading a record never reads them. */
@ApplicationScoped
@Transactional
class Originals {

    @Inject
    EntityManager em;

    void store(UUID id, byte[] data) {
        em.createNativeQuery("insert into image_originals (image_id, data) values (:id, :data)")
                .setParameter("id", id)
                .setParameter("data", data)
                .executeUpdate();
    }

    /** The bytes, or null when the image was deleted meanwhile. */
    byte[] load(UUID id) {
        List<?> rows = em.createNativeQuery("select data from image_originals where image_id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }
}
