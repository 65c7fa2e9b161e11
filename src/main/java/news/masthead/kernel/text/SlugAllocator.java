package news.masthead.kernel.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.masthead.kernel.errors.ApiException;

import java.util.ArrayList;
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
     * @param current  its slug now, or null on create
     */
    public String allocate(String entity, String explicit, String source, String fallback, UUID self, String current) {
        if (explicit != null) {
            Long taken = em.createQuery(
                            "select count(e) from " + entity + " e where e.slug = :slug and e.id <> :self", Long.class)
                    .setParameter("slug", explicit)
                    .setParameter("self", selfOrNil(self))
                    .getSingleResult();
            if (taken > 0) {
                throw new ApiException.Conflict(
                        "The slug '" + explicit + "' is already used by another " + entity.toLowerCase() + ".");
            }
            return explicit;
        }
        String base = Slugs.derive(source, fallback);
        String oldBase = Slugs.derivedBeforeTransliteration(source, fallback);
        if (current != null
                && (current.equals(oldBase)
                        || suffixed(oldBase).matcher(current).matches())) {
            return current; // derived from this text before slugs were transliterated: its URL stays
        }
        Pattern suffixed = suffixed(base);
        List<Object[]> rows = em.createQuery(
                        "select e.slug, e.id from " + entity + " e where e.slug = :base or e.slug like :prefix",
                        Object[].class)
                .setParameter("base", base)
                .setParameter("prefix", base + "-%")
                .getResultList();
        List<String> used = new ArrayList<>();
        for (Object[] row : rows) {
            String slug = (String) row[0];
            // A resource whose slug is already derived from this text keeps it: its URL does not move on an edit.
            if (row[1].equals(self)
                    && (slug.equals(base) || suffixed.matcher(slug).matches())) {
                return slug;
            }
            if (!row[1].equals(self)) {
                used.add(slug);
            }
        }
        if (!used.contains(base)) {
            return base;
        }
        int max = 1;
        for (String slug : used) {
            Matcher m = suffixed.matcher(slug);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return base + "-" + (max + 1);
    }

    private static Pattern suffixed(String base) {
        return Pattern.compile(Pattern.quote(base) + "-(\\d{1,9})");
    }

    private static UUID selfOrNil(UUID self) {
        return self != null ? self : new UUID(0, 0);
    }
}
