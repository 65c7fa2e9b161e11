package news.masthead.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import news.masthead.web.Page;
import news.masthead.web.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a keyset-paginated list query over one entity: one statement for the page (fetching one row
 * more than asked, to know whether there is a next page) and one for the total when wanted.
 */
@ApplicationScoped
public class Listing {

    @Inject
    EntityManager em;

    /**
     * @param entity  entity name, aliased "e" in {@code where}
     * @param where   HQL condition over "e" (use "true" for none)
     * @param params  its parameters
     * @param filters a canonical text of the filters, so a cursor cannot be replayed on another query
     */
    public <E> Page<E> page(Class<E> entity, String where, Map<String, Object> params, SortSpec sort,
                            PageRequest request, String filters) {
        String scope = entity.getSimpleName() + "|" + sort.key() + "|" + filters;
        Cursor cursor = request.cursor() == null ? null : Cursor.decode(request.cursor(), scope);
        Map<String, Object> all = new HashMap<>(params);
        String hql = "select e, e." + sort.field().path() + ", e.id from " + entity.getSimpleName() + " e where (" + where
                + ") and " + Keyset.after("e", sort, cursor, all) + Keyset.orderBy("e", sort);
        TypedQuery<Object[]> q = em.createQuery(hql, Object[].class).setMaxResults(request.limit() + 1);
        all.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();

        List<E> items = new ArrayList<>(Math.min(rows.size(), request.limit()));
        for (int i = 0; i < rows.size() && i < request.limit(); i++) {
            items.add(entity.cast(rows.get(i)[0]));
        }
        String next = null;
        if (rows.size() > request.limit()) {
            Object[] last = rows.get(request.limit() - 1);
            next = Keyset.cursorOf(scope, last[1], (UUID) last[2]).encode();
        }
        Long total = request.withTotal() ? count(entity, where, params) : null;
        return new Page<>(items, total, request.limit(), next);
    }

    private long count(Class<?> entity, String where, Map<String, Object> params) {
        TypedQuery<Long> q = em.createQuery("select count(e) from " + entity.getSimpleName() + " e where " + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }
}
