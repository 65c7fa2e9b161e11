package news.masthead.kernel.sql;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Ids for a query's {@code in} list, bound one parameter each ({@code in (:ids0, :ids1, …)}), their number padded to a
 * power of two by repeating the last. Hibernate keeps no plan for a query with a multi-valued parameter
 * ({@code in :ids}): it translates it to SQL again on every call, half the CPU of the lists that load entities by id
 * under 64 callers. Padded, each such query has at most eight shapes (a page holds up to 100 ids).
 */
public final class IdList {

    private final String name;
    private final List<UUID> ids;

    private IdList(String name, List<UUID> ids) {
        this.name = name;
        this.ids = ids;
    }

    /** @param ids at least one */
    public static IdList of(String name, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an in list needs at least one id");
        }
        List<UUID> padded = new ArrayList<>(ids);
        int size = Integer.highestOneBit(padded.size() - 1) << 1;
        while (padded.size() < size) {
            padded.add(padded.get(padded.size() - 1));
        }
        return new IdList(name, padded);
    }

    /** {@code in (:name0, :name1, …)}, to follow the id column. */
    public String in() {
        StringBuilder sql = new StringBuilder("in (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        return sql.append(')').toString();
    }

    /** Binds the ids to a query whose text holds {@link #in()}. */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(name + i, ids.get(i));
        }
        return query;
    }
}
