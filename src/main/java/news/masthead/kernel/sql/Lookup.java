package news.masthead.kernel.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.FieldError;
import news.masthead.kernel.text.Slugs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Finds resources by id or slug, and checks that referenced ids exist. */
@ApplicationScoped
public class Lookup {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Pattern SLUG_SHAPE = Pattern.compile(Slugs.PATTERN);

    @Inject
    EntityManager em;

    @Inject
    Reads reads;

    /** Whether any slug could look like this; if not, no query needs to look for it. */
    public static boolean couldBeSlug(String value) {
        return SLUG_SHAPE.matcher(value).matches();
    }

    public static Optional<UUID> asId(String idOrSlug) {
        return UUID_SHAPE.matcher(idOrSlug).matches() ? Optional.of(UUID.fromString(idOrSlug)) : Optional.empty();
    }

    /**
     * By id when the value is a UUID, else by slug (entities with a slug column). A UUID that is no id may
     * still be a slug: the slug pattern allows that shape.
     */
    public <E> Optional<E> byIdOrSlug(Class<E> entity, String idOrSlug) {
        Optional<UUID> id = asId(idOrSlug);
        if (id.isPresent()) {
            E byId = em.find(entity, id.get());
            if (byId != null) {
                return Optional.of(byId);
            }
        }
        if (!couldBeSlug(idOrSlug)) {
            return Optional.empty(); // no slug can look like this
        }
        return em.createQuery("from " + entity.getSimpleName() + " e where e.slug = :slug", entity)
                .setParameter("slug", idOrSlug)
                .getResultStream()
                .findFirst();
    }

    /** The record by id, or 404 naming it as {@code what} ("No quote 'x'."), also when {@code id} is no UUID. */
    public <E> E byId(Class<E> entity, String id, String what) {
        return asId(id).map(uuid -> em.find(entity, uuid))
                .orElseThrow(() -> new ApiException.NotFound("No " + what + " '" + id + "'."));
    }

    /** The record by id or slug, or 404 naming it as {@code what} ("No person 'x'."). */
    public <E> E byIdOrSlug(Class<E> entity, String idOrSlug, String what) {
        return byIdOrSlug(entity, idOrSlug)
                .orElseThrow(() -> new ApiException.NotFound("No " + what + " '" + idOrSlug + "'."));
    }

    /**
     * The id a filter value names: a UUID as given, a slug looked up; empty when no such slug
     * exists (the filter then matches nothing).
     */
    public Optional<UUID> resolveId(Class<?> entity, String idOrSlug) {
        Optional<UUID> id = asId(idOrSlug);
        if (id.isPresent()) {
            return id;
        }
        if (!couldBeSlug(idOrSlug)) {
            return Optional.empty();
        }
        // A statement of its own (Reads): list filters resolve their slugs on read paths that run outside transactions.
        String table = entity.getAnnotation(Table.class).name();
        return reads
                .list(
                        "select id from " + table + " where slug = :slug",
                        Map.of("slug", idOrSlug),
                        rs -> rs.getObject(1, UUID.class))
                .stream()
                .findFirst();
    }

    /**
     * A filter value naming a record by id or slug, for a statement that resolves it itself: one round trip instead of
     * a lookup first. A UUID is bound as the id (as {@link #resolveId}); a slug through a subquery on the slug, which
     * finds nothing for an unknown one. Empty when no slug can look like the value.
     */
    public static Optional<Reference> reference(Class<?> entity, String idOrSlug) {
        Optional<UUID> id = asId(idOrSlug);
        if (id.isPresent()) {
            return Optional.of(new Reference(null, id.get()));
        }
        return couldBeSlug(idOrSlug)
                ? Optional.of(new Reference(entity.getAnnotation(Table.class).name(), idOrSlug))
                : Optional.empty();
    }

    /**
     * A record named by its id ({@code table} null, {@code value} a UUID) or by the slug {@code value} of a row of
     * {@code table}.
     */
    public record Reference(String table, Object value) {

        /** SQL: the record's id, {@code value} bound as {@code :param}. */
        public String idSql(String param) {
            return table == null ? ":" + param : "(select r.id from " + table + " r where r.slug = :" + param + ")";
        }

        /** The value as given: the id's or the slug's text. */
        public String text() {
            return value.toString();
        }

        /** A canonical text of the filter, apart for an id and a slug. */
        public String key() {
            return table == null ? text() : "slug:" + value;
        }
    }

    /** How many rows of {@code table} point at {@code id} through {@code column}: what a delete would orphan. */
    public long references(String table, String column, UUID id) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where " + column + " = :id")
                        .setParameter("id", id)
                        .getSingleResult())
                .longValue();
    }

    /** The ids of {@code ids} that name an existing row of {@code entity}. */
    public Set<UUID> existing(Class<?> entity, Iterable<UUID> ids) {
        return existing(entity.getSimpleName(), ids);
    }

    /** The same by entity name, for a feature that refers to rows of a feature above it (an article's quote blocks). */
    public Set<UUID> existing(String entity, Iterable<UUID> ids) {
        Set<UUID> wanted = new HashSet<>();
        ids.forEach(wanted::add);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        IdList in = IdList.of("ids", wanted);
        return new HashSet<>(
                in.bind(em.createQuery("select e.id from " + entity + " e where e.id " + in.in(), UUID.class))
                        .getResultList());
    }

    /** 400 naming each element of {@code ids} (as {@code field[i]}) that does not exist. */
    public void requireAll(Class<?> entity, String field, List<UUID> ids, String what) {
        Set<UUID> found = existing(entity, ids);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                errors.add(new FieldError(field + "[" + i + "]", "no " + what + " with id " + ids.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.InvalidRequest(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    /** 400 naming {@code field} when {@code id} is set and does not exist. */
    public void requireOne(Class<?> entity, String field, UUID id, String what) {
        if (id != null && em.find(entity, id) == null) {
            throw ApiException.InvalidRequest.field(field, "no " + what + " with id " + id);
        }
    }
}
