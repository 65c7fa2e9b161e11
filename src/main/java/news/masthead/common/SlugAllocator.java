package news.masthead.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.web.ApiException;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the slug of an article, person or place: an explicit slug must be free (409 otherwise);
 * a derived one gets the first free numeric suffix ("kyiv", "kyiv-2", ...).
 */
@ApplicationScoped
public class SlugAllocator {

    @Inject
    EntityManager em;

    /**
     * @param entity   the entity name, e.g. "Article"
     * @param explicit the slug the client sent, or null
     * @param source   the text to derive from (headline or name)
     * @param fallback used when the source has no usable characters
     * @param self     the id of the resource being changed, or null on create
     */
    public String allocate(String entity, String explicit, String source, String fallback, UUID self) {
        if (explicit != null) {
            Long taken = em.createQuery("select count(e) from " + entity + " e where e.slug = :slug and e.id <> :self", Long.class)
                    .setParameter("slug", explicit).setParameter("self", selfOrNil(self)).getSingleResult();
            if (taken > 0) {
                throw new ApiException.Conflict("The slug '" + explicit + "' is already used by another "
                        + entity.toLowerCase() + ".");
            }
            return explicit;
        }
        String base = Slugs.derive(source, fallback);
        List<String> used = em.createQuery("select e.slug from " + entity
                        + " e where (e.slug = :base or e.slug like :prefix) and e.id <> :self", String.class)
                .setParameter("base", base).setParameter("prefix", base + "-%").setParameter("self", selfOrNil(self))
                .getResultList();
        if (!used.contains(base)) {
            return base;
        }
        Pattern suffixed = Pattern.compile(Pattern.quote(base) + "-(\\d{1,9})");
        int max = 1;
        for (String slug : used) {
            Matcher m = suffixed.matcher(slug);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return base + "-" + (max + 1);
    }

    private static UUID selfOrNil(UUID self) {
        return self != null ? self : new UUID(0, 0);
    }
}
