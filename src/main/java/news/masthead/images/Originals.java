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

    private static final int CHUNK = 1 << 20;

    @Inject
    EntityManager em;

    void store(UUID id, byte[] data) {
        em.createNativeQuery("insert into image_originals (image_id, data) values (:id, :data)")
                .setParameter("id", id)
                .setParameter("data", data)
                .executeUpdate();
    }

    /**
     * The bytes, or null when the image was deleted meanwhile. Read a chunk at a time into one array of the exact size
     * (data is stored uncompressed, V13, so each chunk is read alone): the driver never holds a whole 25 MB value, nor its
     * text form, beside the result.
     */
    byte[] load(UUID id) {
        List<?> length = em.createNativeQuery("select octet_length(data) from image_originals where image_id = :id")
                .setParameter("id", id)
                .getResultList();
        if (length.isEmpty()) {
            return null;
        }
        byte[] out = new byte[((Number) length.get(0)).intValue()];
        for (int at = 0; at < out.length; at += CHUNK) {
            List<?> part = em.createNativeQuery(
                            "select substring(data from :from for :n) from image_originals where image_id = :id")
                    .setParameter("from", at + 1)
                    .setParameter("n", CHUNK)
                    .setParameter("id", id)
                    .getResultList();
            if (part.isEmpty()) {
                return null;
            }
            byte[] chunk = (byte[]) part.get(0);
            System.arraycopy(chunk, 0, out, at, chunk.length);
        }
        return out;
    }
}
